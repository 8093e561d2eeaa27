package eu.portalliance.platform.kafka;

import eu.portalliance.topics.Topics;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/** Whether a Streams application has committed everything on its input and internal topics. */
public final class Lag {
    private Lag() {
    }

    /**
     * Records not yet committed by {@code group}: on {@code inputs}, on every partition it has committed, and on every
     * partition of its own internal topics its members are assigned, counted from the partition's start where the
     * group has committed nothing yet. Committed partitions alone are not enough: a fresh topology's input task can
     * commit all of the input while the tasks behind it, still opening their stores, have not committed (nor read)
     * any of what it wrote to them. While the group rebalances its assignment is not known: at least one record is left.
     */
    public static long remaining(Admin admin, String group, Set<TopicPartition> inputs) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                .get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Set<TopicPartition> all = new HashSet<>(inputs);
        all.addAll(committed.keySet());
        assigned(description.members()).stream().filter(tp -> tp.topic().startsWith(group + "-")).forEach(all::add);
        Map<TopicPartition, Long> ends = offsets(admin, all, OffsetSpec.latest());
        Set<TopicPartition> neverCommitted = all.stream().filter(tp -> committed.get(tp) == null).collect(Collectors.toSet());
        Map<TopicPartition, Long> starts = offsets(admin, neverCommitted, OffsetSpec.earliest());
        long lag = 0;
        for (TopicPartition tp : all) {
            long end = ends.getOrDefault(tp, 0L);
            OffsetAndMetadata c = committed.get(tp);
            long at = c == null ? starts.getOrDefault(tp, 0L) : c.offset();
            // Transaction markers sit at the end of what the group itself writes (its internal topics, and the alerts
            // it reads back as a table); one per partition is not a record.
            boolean writtenByGroup = tp.topic().startsWith(group) || tp.topic().equals(Topics.ALERTS);
            lag += Math.max(0, end - at - (writtenByGroup ? 1 : 0));
        }
        boolean settled = description.groupState() == GroupState.STABLE || description.groupState() == GroupState.EMPTY;
        return settled ? lag : Math.max(lag, 1);
    }

    private static Set<TopicPartition> assigned(Collection<MemberDescription> members) {
        Set<TopicPartition> out = new HashSet<>();
        members.forEach(m -> out.addAll(m.assignment().topicPartitions()));
        return out;
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, Set<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, Long> out = new HashMap<>();
        if (partitions.isEmpty()) {
            return out;
        }
        Map<TopicPartition, OffsetSpec> specs = partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> spec));
        admin.listOffsets(specs).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /** Every partition of the seizure and suspicion topics of these ports: what the topology reads as input. */
    public static Set<TopicPartition> portEventPartitions(Collection<String> locodes) {
        Set<TopicPartition> out = new HashSet<>();
        for (String port : locodes) {
            for (eu.portalliance.topics.TopicSpec spec : Topics.portTopics(port)) {
                if (Topics.PORT_EVENTS.matcher(spec.name()).matches()) {
                    for (int p = 0; p < spec.partitions(); p++) {
                        out.add(new TopicPartition(spec.name(), p));
                    }
                }
            }
        }
        return out;
    }

    /** Waits until nothing is left; returns the moment it saw that, in nanoTime. */
    public static long awaitCaughtUp(Admin admin, String group, Set<TopicPartition> inputs, long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            if (remaining(admin, group, inputs) == 0) {
                return System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(group + " did not catch up within " + timeoutSeconds + " s");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
