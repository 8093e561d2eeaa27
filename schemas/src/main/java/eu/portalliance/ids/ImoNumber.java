package eu.portalliance.ids;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** IMO ship identification numbers: seven digits, the last a check digit over the first six weighted 7..2. */
public final class ImoNumber {
    private static final Pattern SHAPE = Pattern.compile("[0-9]{7}");

    private ImoNumber() {
    }

    /** Accepts "9074729" or "IMO 9074729"; returns the bare seven digits. */
    public static String normalise(String imo) {
        if (imo == null) {
            return null;
        }
        String s = imo.trim();
        if (s.regionMatches(true, 0, "IMO", 0, 3)) {
            s = s.substring(3).trim();
        }
        return s;
    }

    public static Optional<String> problem(String imo) {
        if (imo == null || imo.isEmpty()) {
            return Optional.of("IMO number is missing");
        }
        String digits = normalise(imo);
        if (!SHAPE.matcher(digits).matches()) {
            return Optional.of("IMO number '" + imo + "' must be 7 digits, e.g. 9074729");
        }
        int expected = checkDigit(digits.substring(0, 6));
        int actual = digits.charAt(6) - '0';
        if (expected != actual) {
            return Optional.of("IMO number '" + imo + "' has check digit " + actual + " but the IMO rule gives "
                    + expected + ": check the number in the vessel's registry entry");
        }
        return Optional.empty();
    }

    public static boolean isValid(String imo) {
        return problem(imo).isEmpty();
    }

    public static int checkDigit(String firstSix) {
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (firstSix.charAt(i) - '0') * (7 - i);
        }
        return sum % 10;
    }

    /** Builds a valid IMO number from its first six digits (100000..999999). */
    public static String of(int firstSix) {
        String s = String.format(Locale.ROOT, "%06d", firstSix);
        return s + checkDigit(s);
    }
}
