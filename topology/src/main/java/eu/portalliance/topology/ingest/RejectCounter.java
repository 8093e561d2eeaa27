package eu.portalliance.topology.ingest;

import eu.portalliance.topics.Topics;
import eu.portalliance.validation.RejectReason;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;

/**
 * Counts rejected input records per port and reason, for the API, logs and tests, and publishes each count as a
 * Kafka metric ({@code port.alliance:type=dead-letters,port=…,reason=…,instance=…}, attribute
 * {@code rejected-records-total}) so the monitoring that watches the brokers and Streams sees them too. One per
 * running topology.
 */
public final class RejectCounter implements AutoCloseable {
    /** The StreamsConfig key under which the running topology hands its counter to the exception handlers. */
    public static final String CONFIG_KEY = "alliance.reject.counter";
    public static final String METRIC_PREFIX = "port.alliance";
    public static final String METRIC_GROUP = "dead-letters";
    public static final String METRIC = "rejected-records-total";
    /** Records on no port's topic (an outcome on a topic pattern gone astray) are counted under this port. */
    static final String NO_PORT = "none";

    private final Map<RejectReason, LongAdder> counts = new EnumMap<>(RejectReason.class);
    private final Map<String, Map<RejectReason, LongAdder>> perPort = new ConcurrentHashMap<>();
    // Several topologies may share a JVM (tests, benchmarks): the instance tag keeps their metric names apart.
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final Metrics metrics = new Metrics(new MetricConfig(), List.of(new JmxReporter()), Time.SYSTEM,
            new KafkaMetricsContext(METRIC_PREFIX));

    public RejectCounter() {
        for (RejectReason r : RejectReason.values()) {
            counts.put(r, new LongAdder());
        }
    }

    public void increment(RejectReason reason, String sourceTopic) {
        counts.get(reason).increment();
        String port = sourceTopic == null ? NO_PORT : Topics.portOf(sourceTopic).orElse(NO_PORT);
        perPort.computeIfAbsent(port, this::registerPort).get(reason).increment();
    }

    private Map<RejectReason, LongAdder> registerPort(String port) {
        Map<RejectReason, LongAdder> byReason = new EnumMap<>(RejectReason.class);
        for (RejectReason r : RejectReason.values()) {
            LongAdder n = new LongAdder();
            byReason.put(r, n);
            Measurable total = (config, now) -> n.sum();
            metrics.addMetric(metrics.metricName(METRIC, METRIC_GROUP, "input records of this port refused for this reason",
                    Map.of("port", port, "reason", r.name(), "instance", instance)), total);
        }
        return byReason;
    }

    public long count(RejectReason reason) {
        return counts.get(reason).sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        counts.forEach((reason, n) -> out.put(reason.name(), n.sum()));
        return out;
    }

    /** Per port, the reasons it had records refused for, with their counts. */
    public Map<String, Map<String, Long>> byPort() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        perPort.forEach((port, byReason) -> byReason.forEach((reason, n) -> {
            if (n.sum() > 0) {
                out.computeIfAbsent(port, p -> new TreeMap<>()).put(reason.name(), n.sum());
            }
        }));
        return out;
    }

    @Override
    public void close() {
        metrics.close();
    }
}
