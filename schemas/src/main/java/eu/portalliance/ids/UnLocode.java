package eu.portalliance.ids;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * UN/LOCODEs: an ISO 3166-1 alpha-2 country code followed by three characters from A-Z and 2-9
 * (UNECE leaves out 0 and 1 so they are not confused with O and I).
 */
public final class UnLocode {
    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[A-Z2-9]{3}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private UnLocode() {
    }

    public static Optional<String> problem(String locode) {
        if (locode == null || locode.isEmpty()) {
            return Optional.of("UN/LOCODE is missing");
        }
        if (!SHAPE.matcher(locode).matches()) {
            return Optional.of("UN/LOCODE '" + locode
                    + "' must be 2 country letters and 3 letters or digits 2-9, upper case, e.g. BEANR");
        }
        if (!COUNTRIES.contains(locode.substring(0, 2))) {
            return Optional.of("UN/LOCODE '" + locode + "' starts with '" + locode.substring(0, 2)
                    + "', which is not an ISO 3166-1 country code");
        }
        return Optional.empty();
    }

    public static boolean isValid(String locode) {
        return problem(locode).isEmpty();
    }

    /** Whether {@code code} is an ISO 3166-1 alpha-2 country code, e.g. CO. */
    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    public static String country(String locode) {
        return locode.substring(0, 2);
    }
}
