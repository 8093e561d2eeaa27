package eu.portalliance.bench;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.CaseStatus;
import eu.portalliance.platform.kafka.TopicSnapshot;
import eu.portalliance.registry.SchemaRegistryClient;
import eu.portalliance.serde.AvroDeserializer;
import eu.portalliance.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a run wrote to the alerts topic: the cases it touched, their revisions, and a digest of the cases left open
 * (their ids and events), so a faster build can be seen to reach the same cases.
 */
record CasesWritten(int ids, long revisions, int open, String digest) {

    /** The committed end of every alerts partition: where a run's own alerts begin. */
    static Map<TopicPartition, Long> alertEnds(String bootstrap) {
        try (KafkaConsumer<String, byte[]> consumer = committedReader(bootstrap)) {
            return consumer.endOffsets(Bench.assignAlerts(consumer));
        }
    }

    /** Every case's latest revision written since {@code from}, read committed. */
    static CasesWritten since(String bootstrap, SchemaRegistryClient registry, Map<TopicPartition, Long> from) {
        AvroDeserializer<Alert> alerts = new AvroDeserializer<>(registry, Alert.class);
        Map<String, Alert> latest = new HashMap<>();
        long revisions = 0;
        try (KafkaConsumer<String, byte[]> consumer = committedReader(bootstrap)) {
            List<TopicPartition> parts = Bench.assignAlerts(consumer);
            parts.forEach(tp -> consumer.seek(tp, from.getOrDefault(tp, 0L)));
            Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    Alert a = alerts.deserialize(Topics.ALERTS, r.value());
                    latest.merge(a.getAlertId(), a, TopicSnapshot::later);
                    revisions++;
                }
            }
        }
        TreeMap<String, TreeSet<String>> open = new TreeMap<>();
        latest.values().stream().filter(a -> a.getStatus() == CaseStatus.OPEN)
                .forEach(a -> open.put(a.getAlertId(), new TreeSet<>(a.getSourceEventIds())));
        return new CasesWritten(latest.size(), revisions, open.size(), digest(open.toString()));
    }

    private static KafkaConsumer<String, byte[]> committedReader(String bootstrap) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
