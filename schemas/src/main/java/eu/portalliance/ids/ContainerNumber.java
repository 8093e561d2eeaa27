package eu.portalliance.ids;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ISO 6346 container numbers: owner code (3 letters), category (U, J or Z), serial (6 digits), check digit.
 * Clone containers and typo'd numbers are common in seizure reports, so the check digit is verified, not trusted.
 */
public final class ContainerNumber {
    private static final Pattern SHAPE = Pattern.compile("[A-Z]{3}[UJZ][0-9]{7}");

    private ContainerNumber() {
    }

    /** Returns why {@code number} is not a valid ISO 6346 container number, or empty when it is. */
    public static Optional<String> problem(String number) {
        if (number == null || number.isEmpty()) {
            return Optional.of("container number is missing");
        }
        if (!SHAPE.matcher(number).matches()) {
            return Optional.of("container number '" + number
                    + "' is not ISO 6346: expected 3-letter owner code, category U/J/Z, 6 digits and a check digit, e.g. CSQU3054383");
        }
        int expected = checkDigit(number.substring(0, 10));
        int actual = number.charAt(10) - '0';
        if (expected != actual) {
            return Optional.of("container number '" + number + "' has check digit " + actual + " but ISO 6346 gives "
                    + expected + ": check the number as written on the container");
        }
        return Optional.empty();
    }

    public static boolean isValid(String number) {
        return problem(number).isEmpty();
    }

    /** The ISO 6346 check digit of the first ten characters (owner code, category and serial). */
    public static int checkDigit(String firstTen) {
        if (firstTen.length() != 10) {
            throw new IllegalArgumentException("need the 10 characters before the check digit, got '" + firstTen + "'");
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += charValue(firstTen.charAt(i)) << i;
        }
        return sum % 11 % 10;
    }

    /** Letters count from A=10 upwards, skipping multiples of 11 so that no letter collides with a remainder. */
    static int charValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c < 'A' || c > 'Z') {
            throw new IllegalArgumentException("not an ISO 6346 character: '" + c + "'");
        }
        int value = 10;
        for (char letter = 'A'; letter < c; letter++) {
            value++;
            if (value % 11 == 0) {
                value++;
            }
        }
        return value;
    }

    /** Builds a valid number from an owner code + category (4 letters) and a serial (0..999999). */
    public static String of(String ownerAndCategory, int serial) {
        String firstTen = ownerAndCategory + String.format(Locale.ROOT, "%06d", serial);
        return firstTen + checkDigit(firstTen);
    }
}
