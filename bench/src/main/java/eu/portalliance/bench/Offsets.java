package eu.portalliance.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Partitions and end offsets as the broker reports them, for the benches that start groups at the end or count records. */
final class Offsets {
    private Offsets() {
    }

    /** Every partition of these topics. */
    static List<TopicPartition> partitions(Admin admin, List<String> topics) throws Exception {
        List<TopicPartition> out = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, d) ->
                d.partitions().forEach(p -> out.add(new TopicPartition(name, p.partition()))));
        return out;
    }

    /** Each partition's end offset (transaction markers count as records). */
    static Map<TopicPartition, Long> ends(Admin admin, Collection<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                .all().get().forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /** The records (and transaction markers) on these partitions: the sum of their end offsets. */
    static long total(Admin admin, Collection<TopicPartition> partitions) throws Exception {
        return ends(admin, partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Commits {@code group}'s offsets at the end of these partitions, so a topology started under it reads only what comes next. */
    static void startAtEnd(Admin admin, String group, Collection<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        ends(admin, partitions).forEach((tp, end) -> offsets.put(tp, new OffsetAndMetadata(end)));
        admin.alterConsumerGroupOffsets(group, offsets).all().get();
    }
}
