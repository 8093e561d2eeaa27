package eu.portalliance.topology.cases;

import eu.portalliance.ids.UnLocode;
import eu.portalliance.topology.avro.OriginWeek;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A port's origin mix: the share of its flagged and seized containers that came from each origin country over the last
 * weeks. A route from an origin that is half a port's traffic is routine there; the same route into a port that never
 * sees it is not. The mix is kept week by week ({@link PortOriginWeeks}); this class is its arithmetic.
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

    /** The start of the week {@code time} falls in. */
    static long weekOf(long time) {
        return Math.floorDiv(time, WEEK) * WEEK;
    }

    /**
     * {@code week} (null when the port has none yet for {@code time}'s week) with one more container whose route touches
     * {@code route}'s countries (loading and transshipment, each once). Transshipment counts: cargo through Panama is
     * routine at a port where a tenth of the boxes come that way, whatever their port of loading.
     */
    static OriginWeek add(OriginWeek week, List<String> route, long time) {
        Map<String, Integer> counts = week == null ? new HashMap<>() : new HashMap<>(week.getCounts());
        route.stream().map(OriginMix::country).distinct().forEach(c -> counts.merge(c, 1, Integer::sum));
        counts.merge(CONTAINERS, 1, Integer::sum);
        return new OriginWeek(weekOf(time), counts);
    }

    /**
     * The thirteen weeks before last week as seen from {@code time}, by the starts of the first and the last of them: the
     * current and the last week are left out, because events still arrive for them, from other partitions and late ports,
     * and counting them would make the same input score differently with the order it arrived in.
     */
    record Baseline(long firstWeek, long lastWeek) {
        static Baseline at(long time) {
            long last = weekOf(time) - 2 * WEEK;
            return new Baseline(last - (WEEKS - 1) * WEEK, last);
        }
    }

    /**
     * The share of containers whose route touched {@code origin}'s country in {@code weeks} (the port's weeks of
     * {@link Baseline}, those it has); empty when the port saw nothing then (no baseline yet).
     */
    public static OptionalDouble share(List<OriginWeek> weeks, String origin) {
        String country = country(origin);
        long of = 0;
        long all = 0;
        for (OriginWeek w : weeks) {
            all += w.getCounts().getOrDefault(CONTAINERS, 0);
            of += w.getCounts().getOrDefault(country, 0);
        }
        return all == 0 ? OptionalDouble.empty() : OptionalDouble.of(of / (double) all);
    }
}
