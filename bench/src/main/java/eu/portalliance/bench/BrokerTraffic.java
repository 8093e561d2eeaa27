package eu.portalliance.bench;

import eu.portalliance.topics.Topics;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
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
        if (topic.startsWith("__") || topic.equals(Topics.SCHEMAS) || topic.contains("-changelog") || topic.contains("-repartition")) {
            return null;
        }
        return "output";
    }
}
