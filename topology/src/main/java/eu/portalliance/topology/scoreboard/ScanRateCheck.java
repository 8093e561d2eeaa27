package eu.portalliance.topology.scoreboard;

import eu.portalliance.topology.avro.ScoreboardRow;
import java.util.ArrayList;
import java.util.List;

/**
 * The weekly check behind the scoreboard's notice: on a risk route, a port that checks a much smaller share of what
 * screening asked it to check than the rest of the alliance does of theirs is the weak link smugglers look for. It is
 * told, once a week.
 * <p>
 * Judged on follow-through (checks over containers the port was asked to check), not on checks over arrivals: one
 * profile judges every port, but a port with an open route surge or more entity hits is rightly asked to check more,
 * and a port asked less is not weak for checking less. The scoreboard still shows both.
 */
public final class ScanRateCheck {
    /** A port is "well below" when its follow-through is under this share of the rest of the alliance's. */
    public static final double BELOW = 0.5;
    /** The fewest containers asked to be checked, at the port and at the rest, for the rates to mean something. */
    public static final int MINIMUM_TO_CHECK = 10;

    /** One port well below the rest of the alliance on one origin in one week. */
    public record Shortfall(String port, String origin, String week, long arrivals, long toCheck, long checked,
                            long othersToCheck, long othersChecked) {
        public double rate() {
            return toCheck == 0 ? 0 : Math.min(1, checked / (double) toCheck);
        }

        public double othersRate() {
            return othersToCheck == 0 ? 0 : Math.min(1, othersChecked / (double) othersToCheck);
        }
    }

    private ScanRateCheck() {
    }

    /** @param rows one week's rows for one origin, one per port */
    public static List<Shortfall> shortfalls(List<ScoreboardRow> rows) {
        List<Shortfall> out = new ArrayList<>();
        if (rows.stream().noneMatch(ScoreboardRow::getRiskOrigin)) {
            return out;
        }
        long toCheck = rows.stream().mapToLong(ScoreboardRow::getToCheck).sum();
        long checked = rows.stream().mapToLong(ScoreboardRow::getChecked).sum();
        for (ScoreboardRow r : rows) {
            long othersToCheck = toCheck - r.getToCheck();
            long othersChecked = checked - r.getChecked();
            if (r.getToCheck() < MINIMUM_TO_CHECK || othersToCheck < MINIMUM_TO_CHECK || othersChecked == 0) {
                continue;
            }
            Shortfall s = new Shortfall(r.getPort(), r.getOrigin(), r.getWeek(), r.getArrivals(), r.getToCheck(), r.getChecked(),
                    othersToCheck, othersChecked);
            if (s.rate() < BELOW * s.othersRate()) {
                out.add(s);
            }
        }
        return out;
    }
}
