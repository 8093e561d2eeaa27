package eu.portalliance.topology.cases;

import eu.portalliance.topology.avro.OriginWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Each port's origin mix in a store, one small record per port and week (key {@code PORT|week number}, zero-padded so a
 * port's weeks sort in time). Every container sighting rewrites only its own week's counts, however many weeks the mix
 * spans: as one record per port, the whole mix was read and written for each, a tenth of the stream thread's time.
 */
public final class PortOriginWeeks {
    private final KeyValueStore<String, OriginWeek> store;

    public PortOriginWeeks(KeyValueStore<String, OriginWeek> store) {
        this.store = store;
    }

    static String key(String port, long weekStart) {
        String week = Long.toString(Math.max(0, weekStart / OriginMix.WEEK));
        return port + "|" + "0000000".substring(Math.min(7, week.length())) + week;
    }

    /** Counts one container seen at {@code port} at {@code time} whose route touched {@code route}'s countries. */
    public void count(String port, List<String> route, long time) {
        long weekStart = OriginMix.weekOf(time);
        String key = key(port, weekStart);
        OriginWeek week = store.get(key);
        if (week == null) {
            dropWeeksBefore(port, weekStart - (OriginMix.WEEKS + 1) * OriginMix.WEEK);
        }
        store.put(key, OriginMix.add(week, route, time));
    }

    /** The share of {@code port}'s containers from {@code origin}'s country as seen at {@code time} (see OriginMix). */
    public OptionalDouble share(String port, String origin, long time) {
        return OriginMix.share(baseline(port, time), origin);
    }

    /**
     * The weeks of {@code port}'s mix that its shares at {@code time} count (see {@link OriginMix.Baseline}): one range
     * read, as most of those weeks a port may not have.
     */
    public List<OriginWeek> baseline(String port, long time) {
        OriginMix.Baseline baseline = OriginMix.Baseline.at(time);
        List<OriginWeek> weeks = new ArrayList<>(OriginMix.WEEKS);
        if (baseline.lastWeek() >= 0) {
            try (KeyValueIterator<String, OriginWeek> it = store.range(key(port, baseline.firstWeek()), key(port, baseline.lastWeek()))) {
                it.forEachRemaining(kv -> weeks.add(kv.value));
            }
        }
        return weeks;
    }

    /** A week older than the span leaves when the port's first container of a newer week is counted. */
    private void dropWeeksBefore(String port, long weekStart) {
        if (weekStart <= 0) {
            return;
        }
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, OriginWeek> it = store.range(key(port, 0), key(port, weekStart - OriginMix.WEEK))) {
            it.forEachRemaining(kv -> old.add(kv.key));
        }
        old.forEach(store::delete);
    }
}
