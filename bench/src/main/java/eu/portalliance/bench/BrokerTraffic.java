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
 * Bytes the in-process broker took in, per kind of topic, read from its own per-topic metrics: where a record's
 * cost goes (input, repartition, changelog, output) is what tells an essential cost from one that is not.
 */
final class BrokerTraffic {
    private final Map<String, Long> bytesByTopic;

    private BrokerTraffic(Map<String, Long> bytesByTopic) {
        this.bytesByTopic = bytesByTopic;
    }

    static BrokerTraffic now() throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Map<String, Long> bytes = new HashMap<>();
        for (ObjectName name : server.queryNames(new ObjectName("kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec,topic=*"), null)) {
            bytes.put(name.getKeyProperty("topic"), ((Number) server.getAttribute(name, "Count")).longValue());
        }
        return new BrokerTraffic(bytes);
    }

    /** Bytes in since {@code before}, by kind of topic then topic, for the topics of {@code applicationId} and the alliance's. */
    Map<String, Map<String, Long>> since(BrokerTraffic before, String applicationId) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        bytesByTopic.forEach((topic, bytes) -> {
            long delta = bytes - before.bytesByTopic.getOrDefault(topic, 0L);
            String kind = kind(topic, applicationId);
            if (delta > 0 && kind != null) {
                out.computeIfAbsent(kind, k -> new TreeMap<>()).put(topic.replace(applicationId + "-", ""), delta);
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
