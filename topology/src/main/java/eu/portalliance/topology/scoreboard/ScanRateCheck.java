package eu.portalliance.topology.scoreboard;

import eu.portalliance.topology.avro.ScoreboardRow;
import java.util.ArrayList;
import java.util.List;

/**
 * The weekly check behind the scoreboard's notice: on a risk route, a port that checks a much smaller share of the
 * origin's containers than the rest of the alliance is the weak link smugglers look for. It is told, once a week.
 */
public final class ScanRateCheck {
    /** A port is "well below" when its check rate is under this share of the rest of the alliance's. */
    public static final double BELOW = 0.5;
    /** The fewest arrivals from the origin, at the port and at the rest of the alliance, for rates to mean something. */
    public static final int MINIMUM_ARRIVALS = 30;

    /** One port well below the rest of the alliance on one origin in one week. */
    public record Shortfall(String port, String origin, String week, long arrivals, long checked, long othersArrivals,
                            long othersChecked) {
        public double rate() {
            return arrivals == 0 ? 0 : checked / (double) arrivals;
        }

        public double othersRate() {
            return othersArrivals == 0 ? 0 : othersChecked / (double) othersArrivals;
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
        long arrivals = rows.stream().mapToLong(ScoreboardRow::getArrivals).sum();
        long checked = rows.stream().mapToLong(ScoreboardRow::getChecked).sum();
        for (ScoreboardRow r : rows) {
            long othersArrivals = arrivals - r.getArrivals();
            long othersChecked = checked - r.getChecked();
            if (r.getArrivals() < MINIMUM_ARRIVALS || othersArrivals < MINIMUM_ARRIVALS || othersChecked == 0) {
                continue;
            }
            Shortfall s = new Shortfall(r.getPort(), r.getOrigin(), r.getWeek(), r.getArrivals(), r.getChecked(),
                    othersArrivals, othersChecked);
            if (s.rate() < BELOW * s.othersRate()) {
                out.add(s);
            }
        }
        return out;
    }
}
