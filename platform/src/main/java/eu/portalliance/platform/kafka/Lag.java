package eu.portalliance.platform.kafka;

import eu.portalliance.topics.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Whether a Streams application has committed everything on its input and internal topics. */
public final class Lag {
    private Lag() {
    }

    /** Total records not yet committed by {@code group} on {@code inputs} and on every partition it has committed. */
    public static long remaining(Admin admin, String group, Set<TopicPartition> inputs) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Set<TopicPartition> all = new java.util.HashSet<>(inputs);
        all.addAll(committed.keySet());
        Map<TopicPartition, OffsetSpec> latest = all.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        long lag = 0;
        for (TopicPartition tp : all) {
            long end = ends.getOrDefault(tp, 0L);
            OffsetAndMetadata c = committed.get(tp);
            long at = c == null ? 0 : c.offset();
            // Transaction markers sit at the end of what the group itself writes (its internal topics, and the alerts
            // it reads back as a table); one per partition is not a record.
            boolean writtenByGroup = tp.topic().startsWith(group) || tp.topic().equals(Topics.ALERTS);
            lag += Math.max(0, end - at - (writtenByGroup ? 1 : 0));
        }
        return lag;
    }

    /** Every partition of the seizure and suspicion topics of these ports: what the topology reads as input. */
    public static Set<TopicPartition> portEventPartitions(java.util.Collection<String> locodes) {
        Set<TopicPartition> out = new java.util.HashSet<>();
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
