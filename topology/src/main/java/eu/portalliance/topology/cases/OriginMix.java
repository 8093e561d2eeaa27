package eu.portalliance.topology.cases;

import eu.portalliance.ids.UnLocode;
import eu.portalliance.topology.avro.OriginWeek;
import eu.portalliance.topology.avro.PortOrigins;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A port's origin mix: the share of its flagged and seized containers that came from each origin country over the last
 * weeks. A route from an origin that is half a port's traffic is routine there; the same route into a port that never
 * sees it is not.
 */
public final class OriginMix {
    static final long WEEK = Duration.ofDays(7).toMillis();
    /** The entry that counts containers, next to the per-country entries (a route touches several countries). */
    static final String CONTAINERS = "*";
    /** Thirteen weeks: a quarter, the span of the correlation window (kept: two more, the weeks not yet counted). */
    static final int WEEKS = 13;

    private OriginMix() {
    }

    /** The country of a port of loading (or the code itself when it is a country already). */
    public static String country(String origin) {
        return UnLocode.isValid(origin) ? UnLocode.country(origin) : origin;
    }

    /**
     * {@code mix} with one more container whose route touches {@code route}'s countries (loading and transshipment, each
     * once) at {@code time}, weeks older than the span dropped. Transshipment counts: cargo through Panama is routine at a
     * port where a tenth of the boxes come that way, whatever their port of loading.
     */
    public static PortOrigins add(PortOrigins mix, List<String> route, long time) {
        long week = Math.floorDiv(time, WEEK) * WEEK;
        List<OriginWeek> weeks = new ArrayList<>(mix == null ? List.of() : mix.getWeeks());
        OriginWeek current = weeks.stream().filter(w -> w.getWeekStart() == week).findFirst().orElse(null);
        if (current == null) {
            current = new OriginWeek(week, new HashMap<>());
            weeks.add(current);
            weeks.sort((a, b) -> Long.compare(a.getWeekStart(), b.getWeekStart()));
        }
        Map<String, Integer> counts = new HashMap<>(current.getCounts());
        route.stream().map(OriginMix::country).distinct().forEach(c -> counts.merge(c, 1, Integer::sum));
        counts.merge(CONTAINERS, 1, Integer::sum);
        current.setCounts(counts);
        long newest = weeks.get(weeks.size() - 1).getWeekStart();
        weeks.removeIf(w -> w.getWeekStart() < newest - (WEEKS + 1) * WEEK);
        return new PortOrigins(weeks);
    }

    /**
     * The share of containers whose route touched {@code origin}'s country, in the thirteen weeks before last week as seen
     * from {@code time}; empty when the port saw nothing then (no baseline yet). The current and the last week are left out: events still arrive
     * for them, from other partitions and late ports, and counting them would make the same input score differently with
     * the order it arrived in.
     */
    public static OptionalDouble share(PortOrigins mix, String origin, long time) {
        if (mix == null) {
            return OptionalDouble.empty();
        }
        String country = country(origin);
        long lastWeek = Math.floorDiv(time, WEEK) * WEEK - WEEK;
        long from = lastWeek - WEEKS * WEEK;
        long of = 0;
        long all = 0;
        for (OriginWeek w : mix.getWeeks()) {
            if (w.getWeekStart() >= from && w.getWeekStart() < lastWeek) {
                all += w.getCounts().getOrDefault(CONTAINERS, 0);
                of += w.getCounts().getOrDefault(country, 0);
            }
        }
        return all == 0 ? OptionalDouble.empty() : OptionalDouble.of(of / (double) all);
    }
}
