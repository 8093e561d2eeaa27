package eu.portalliance.bench;

import eu.portalliance.topics.Topics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Bytes and records the in-process broker took in, per kind of topic, read from its own per-topic metrics: where a
 * record's cost goes (input, repartition, changelog, output) is what tells an essential cost from one that is not.
 * Records are counted as the broker counts them (MessagesInPerSec), bytes as it stores them (compressed).
 */
final class BrokerTraffic {
    /** What one topic took in. */
    record Taken(long bytes, long records) {
    }

    private final Map<String, Long> bytesByTopic;
    private final Map<String, Long> recordsByTopic;

    private BrokerTraffic(Map<String, Long> bytesByTopic, Map<String, Long> recordsByTopic) {
        this.bytesByTopic = bytesByTopic;
        this.recordsByTopic = recordsByTopic;
    }

    static BrokerTraffic now() throws JMException {
        return new BrokerTraffic(counts("BytesInPerSec"), counts("MessagesInPerSec"));
    }

    private static Map<String, Long> counts(String metric) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Map<String, Long> counts = new HashMap<>();
        for (ObjectName name : server.queryNames(new ObjectName("kafka.server:type=BrokerTopicMetrics,name=" + metric + ",topic=*"), null)) {
            counts.put(name.getKeyProperty("topic"), ((Number) server.getAttribute(name, "Count")).longValue());
        }
        return counts;
    }

    /** What came in since {@code before}, by kind of topic then topic, for the topics of {@code applicationId} and the alliance's. */
    Map<String, Map<String, Taken>> since(BrokerTraffic before, String applicationId) {
        Map<String, Map<String, Taken>> out = new TreeMap<>();
        bytesByTopic.forEach((topic, bytes) -> {
            long delta = bytes - before.bytesByTopic.getOrDefault(topic, 0L);
            long records = recordsByTopic.getOrDefault(topic, 0L) - before.recordsByTopic.getOrDefault(topic, 0L);
            String kind = kind(topic, applicationId);
            if (delta > 0 && kind != null) {
                out.computeIfAbsent(kind, k -> new TreeMap<>()).put(topic.replace(applicationId + "-", ""), new Taken(delta, records));
            }
        });
        return out;
    }

    private static String kind(String topic, String applicationId) {
        if (topic.startsWith(applicationId + "-")) {
            return topic.endsWith("-changelog") ? "changelog" : topic.endsWith("-repartition") ? "repartition" : null;
        }
        if (Topics.PORT_EVENTS.matcher(topic).matches()) {
            return "input";
        }
        // Kafka's own: committed offsets and transaction states, which every commit under exactly-once writes.
        if (topic.equals("__consumer_offsets") || topic.equals("__transaction_state")) {
            return "offsets and transactions";
        }
        if (topic.startsWith("__") || topic.equals(Topics.SCHEMAS) || topic.contains("-changelog") || topic.contains("-repartition")) {
            return null;
        }
        return "output";
    }

    private static final Comparator<Map.Entry<String, Taken>> MOST_BYTES_FIRST =
            Comparator.comparingLong((Map.Entry<String, Taken> e) -> e.getValue().bytes()).reversed();

    /**
     * One {@code broker bytes in} row per kind of topic, naming the three topics that took the most (where a cut would
     * count), and every topic in {@code topics.csv} in {@code folder}: the detail behind the rows.
     */
    static void report(Map<String, Map<String, Taken>> traffic, double events, Report report, Path folder) throws IOException {
        traffic.forEach((kind, topics) -> report.add("broker bytes in: " + kind,
                topics.values().stream().mapToLong(Taken::bytes).sum() / events, "bytes/event",
                String.format("written to %s topics during the throughput run, %.2f records/event; most: %s", kind,
                        topics.values().stream().mapToLong(Taken::records).sum() / events, largest(topics, events))));
        StringBuilder csv = new StringBuilder("kind,topic,bytes_per_event,records_per_event\n");
        traffic.forEach((kind, topics) -> topics.entrySet().stream().sorted(MOST_BYTES_FIRST)
                .forEach(e -> csv.append(String.format("%s,%s,%.2f,%.4f%n", kind, e.getKey(),
                        e.getValue().bytes() / events, e.getValue().records() / events))));
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("topics.csv"), csv);
    }

    private static String largest(Map<String, Taken> topics, double events) {
        return topics.entrySet().stream().sorted(MOST_BYTES_FIRST).limit(3)
                .map(e -> String.format("%s %.0f", e.getKey(), e.getValue().bytes() / events))
                .collect(Collectors.joining(", "));
    }
}
