package eu.portalliance.topology.ingest;

import eu.portalliance.validation.RejectReason;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts rejected input records per reason, for the API, logs and tests. One per running topology. */
public final class RejectCounter {
    /** The StreamsConfig key under which the running topology hands its counter to the exception handlers. */
    public static final String CONFIG_KEY = "alliance.reject.counter";

    private final Map<RejectReason, LongAdder> counts = new EnumMap<>(RejectReason.class);

    public RejectCounter() {
        for (RejectReason r : RejectReason.values()) {
            counts.put(r, new LongAdder());
        }
    }

    public void increment(RejectReason reason) {
        counts.get(reason).increment();
    }

    public long count(RejectReason reason) {
        return counts.get(reason).sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        counts.forEach((reason, n) -> out.put(reason.name(), n.sum()));
        return out;
    }
}
