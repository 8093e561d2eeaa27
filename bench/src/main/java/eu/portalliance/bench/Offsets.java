package eu.portalliance.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
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
}
