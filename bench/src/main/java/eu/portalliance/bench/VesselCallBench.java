package eu.portalliance.bench;

import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.ports.simulation.VesselCall;
import eu.portalliance.registry.SchemaRegistryClient;
import eu.portalliance.serde.AvroSerializer;
import eu.portalliance.topics.Topics;
import eu.portalliance.topology.AllianceStreams;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Vessel calls' notices in bursts, screened by a fresh topology holding everything the earlier runs taught the
 * alliance: how long after a call's last notice is acknowledged its last recommendation is committed, and the screening
 * throughput from its first notice sent to its last recommendation read (read_committed). The first call after the
 * start is reported apart from the ones that follow.
 */
final class VesselCallBench {
    private static final String PORT = "NLRTM";
    private static final int NEXT_CALLS = 3;

    private final Bench bench;
    private final SchemaRegistryClient registry;
    private final int containers;

    VesselCallBench(Bench bench, SchemaRegistryClient registry, int containers) {
        this.bench = bench;
        this.registry = registry;
        this.containers = containers;
    }

    void measure() throws Exception {
        TopicPartition out = new TopicPartition(Topics.scanRecommendations(PORT), 0);
        try (Admin admin = bench.admin()) {
            bench.startAtEnd(admin, "bench-screening");
            try (AllianceStreams topology = bench.startTopology("bench-screening");
                 KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bench.bootstrap(),
                         "isolation.level", "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
                topology.awaitRunning(Duration.ofMinutes(5));
                consumer.assign(List.of(out));
                consumer.seekToEnd(List.of(out));
                consumer.position(out);
                // The first call after a start runs while the JIT compiles screening: on two cores the compiler takes
                // most of one of them for seconds. It is reported on its own; the calls that follow are what a running
                // alliance sees, and their median is the row (one call swings with the compiler's late work).
                Call first = screen(consumer, notices(7, "077E"));
                bench.report().add("vessel call: first after start", first.lastAfterAcknowledged(), "ms", String.format(
                        "%,d notices, the topology's first call (the JIT still compiling screening)", containers));
                List<Call> next = new ArrayList<>();
                for (int call = 1; call <= NEXT_CALLS; call++) {
                    next.add(screen(consumer, notices(7 + call, String.format("%03dE", 77 + call))));
                }
                next.sort(Comparator.comparingDouble(Call::lastAfterAcknowledged));
                Call median = next.get(NEXT_CALLS / 2);
                bench.report().add("vessel call: last recommendation", median.lastAfterAcknowledged(), "ms", String.format(
                        "%,d notices in one burst: last recommendation read (committed) after the last notice was acknowledged; "
                                + "median of the %d calls after the first (%,.0f–%,.0f ms)", containers, NEXT_CALLS,
                        next.get(0).lastAfterAcknowledged(), next.get(NEXT_CALLS - 1).lastAfterAcknowledged()));
                bench.report().add("screening throughput", containers / (median.firstToLast() / 1e3), "arrivals/s",
                        "first notice sent to last recommendation read, that median call, with the earlier runs' intelligence");
            }
        }
    }

    private record Call(double lastAfterAcknowledged, double firstToLast) {
    }

    private List<ProducerRecord<String, byte[]>> notices(long seed, String voyage) {
        List<ArrivalNotice> notices = VesselCall.notices(new VesselCall.Settings(seed, PORT, VesselCall.vessel(seed), voyage,
                Instant.parse("2025-02-10T06:00:00Z"), containers, 0.3, List.of()));
        AvroSerializer<ArrivalNotice> serializer = new AvroSerializer<>(registry, false, true);
        String in = Topics.arrivals(PORT);
        return notices.stream().map(n -> new ProducerRecord<>(in, n.getContainerNumber(), serializer.serialize(in, n))).toList();
    }

    /** One call's notices in a burst, until every recommendation is read (read_committed). */
    private Call screen(KafkaConsumer<String, byte[]> consumer, List<ProducerRecord<String, byte[]>> records) {
        long first = System.nanoTime();
        long lastAcknowledged;
        try (KafkaProducer<String, byte[]> producer = bench.producer()) {
            for (ProducerRecord<String, byte[]> r : records) {
                producer.send(r);
            }
            producer.flush();
            lastAcknowledged = System.nanoTime();
        }
        int seen = 0;
        long lastRead = lastAcknowledged;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (seen < records.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + seen + " of " + records.size() + " recommendations within 5 minutes");
            }
            ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(20));
            if (!batch.isEmpty()) {
                seen += batch.count();
                lastRead = System.nanoTime();
            }
        }
        return new Call((lastRead - lastAcknowledged) / 1e6, (lastRead - first) / 1e6);
    }
}
