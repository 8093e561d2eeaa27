package eu.portalliance.platform.kafka;

import eu.portalliance.avro.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** A topic as it stands now: everything from the beginning up to the end offsets at the time of the call. */
public final class TopicSnapshot {
    private TopicSnapshot() {
    }

    /** Assigns every partition of {@code topic} to {@code consumer} and reads them to their current end. */
    public static <K, V> List<ConsumerRecord<K, V>> read(Consumer<K, V> consumer, String topic) {
        List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
        Map<TopicPartition, Long> end = consumer.endOffsets(parts);
        List<ConsumerRecord<K, V>> all = new ArrayList<>();
        while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            consumer.poll(Duration.ofMillis(200)).forEach(all::add);
        }
        return all;
    }

    /** A compacted topic as its readers see it: the last value of each key, in key order, deleted keys left out. */
    public static <V> List<V> latestByKey(Iterable<ConsumerRecord<String, V>> records) {
        Map<String, V> latest = new TreeMap<>();
        for (ConsumerRecord<String, V> r : records) {
            if (r.value() == null) {
                latest.remove(r.key());
            } else {
                latest.put(r.key(), r.value());
            }
        }
        return List.copyOf(latest.values());
    }

    /** Each case at its latest revision, from case revisions keyed by case id. */
    public static Map<String, Alert> latestRevisions(Iterable<ConsumerRecord<String, Alert>> revisions) {
        Map<String, Alert> latest = new HashMap<>();
        revisions.forEach(r -> latest.merge(r.key(), r.value(), TopicSnapshot::later));
        return latest;
    }

    /** The later of two revisions of one case. */
    public static Alert later(Alert a, Alert b) {
        return b.getRevision() >= a.getRevision() ? b : a;
    }
}
