package eu.portalliance.bench;

import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.ports.simulation.VesselCall;
import eu.portalliance.registry.SchemaRegistryClient;
import eu.portalliance.serde.AvroSerializer;
import eu.portalliance.topics.Topics;
import eu.portalliance.topology.AllianceStreams;
import java.time.Duration;
import java.time.Instant;
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
 * One vessel call's notices in a burst, screened by a fresh topology holding everything the earlier runs taught the
 * alliance: how long after the last notice is acknowledged the last recommendation is committed, and the screening
 * throughput from the first notice sent to the last recommendation read (read_committed).
 */
final class VesselCallBench {
    private static final String PORT = "NLRTM";

    private final Bench bench;
    private final SchemaRegistryClient registry;
    private final int containers;

    VesselCallBench(Bench bench, SchemaRegistryClient registry, int containers) {
        this.bench = bench;
        this.registry = registry;
        this.containers = containers;
    }

    void measure() throws Exception {
        List<ArrivalNotice> notices = VesselCall.notices(new VesselCall.Settings(7, PORT, VesselCall.vessel(7), "077E",
                Instant.parse("2025-02-10T06:00:00Z"), containers, 0.3, List.of()));
        AvroSerializer<ArrivalNotice> serializer = new AvroSerializer<>(registry, false, true);
        String in = Topics.arrivals(PORT);
        List<ProducerRecord<String, byte[]>> records = notices.stream()
                .map(n -> new ProducerRecord<>(in, n.getContainerNumber(), serializer.serialize(in, n))).toList();
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
                while (seen < containers) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("only " + seen + " of " + containers + " recommendations within 5 minutes");
                    }
                    ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(20));
                    if (!batch.isEmpty()) {
                        seen += batch.count();
                        lastRead = System.nanoTime();
                    }
                }
                bench.report().add("vessel call: last recommendation", (lastRead - lastAcknowledged) / 1e6, "ms", String.format(
                        "%,d notices in one burst; last recommendation read (committed) after the last notice was acknowledged", containers));
                bench.report().add("screening throughput", containers / ((lastRead - first) / 1e9), "arrivals/s",
                        "first notice sent to last recommendation read, fresh topology with the earlier runs' intelligence");
            }
        }
    }
}
