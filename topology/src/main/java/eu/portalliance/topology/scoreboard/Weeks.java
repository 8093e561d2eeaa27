package eu.portalliance.topology.scoreboard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * The scoreboard's weeks: ISO weeks in UTC, named by their Monday ({@code 2025-01-06}), so they sort as text and read
 * as dates in keys, answers and notices.
 */
public final class Weeks {
    private Weeks() {
    }

    public static String of(Instant t) {
        return monday(t).toString();
    }

    public static LocalDate monday(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate().with(DayOfWeek.MONDAY);
    }

    public static String plus(String week, int weeks) {
        return LocalDate.parse(week).plusWeeks(weeks).toString();
    }

    /** The instant the week begins (its Monday, 00:00 UTC). */
    public static Instant start(String week) {
        return LocalDate.parse(week).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The instant the week ends (the next Monday, 00:00 UTC). */
    public static Instant end(String week) {
        return LocalDate.parse(week).plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** How a person names the week: {@code 2025-W02}. */
    public static String label(String week) {
        LocalDate d = LocalDate.parse(week);
        return String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** A week given either way ({@code 2025-W02} or any date in it) as its Monday. */
    public static String parse(String text) {
        if (text.matches("\\d{4}-W\\d{2}")) {
            int year = Integer.parseInt(text.substring(0, 4));
            int week = Integer.parseInt(text.substring(6));
            return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY).toString();
        }
        return LocalDate.parse(text).with(DayOfWeek.MONDAY).toString();
    }
}
