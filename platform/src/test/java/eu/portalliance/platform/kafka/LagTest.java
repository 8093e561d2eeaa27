package eu.portalliance.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LagTest {
    private static final String GROUP = "app";
    private static final TopicPartition INPUT = new TopicPartition("input", 0);
    private static final TopicPartition INTERNAL = new TopicPartition(GROUP + "-sightings-repartition", 0);

    @TempDir
    static Path dir;
    private static TestBroker broker;

    @BeforeAll
    static void broker() throws Exception {
        broker = TestBroker.start(dir, Map.of(), new NewTopic(INPUT.topic(), 1, (short) 1),
                new NewTopic(INTERNAL.topic(), 1, (short) 1));
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    /**
     * As a fresh topology whose input task has committed everything it read and written it on, while the task that
     * reads the repartition topic has not committed yet: the records it has still to read are what is left.
     */
    @Test
    void anInternalPartitionTheGroupHasNotCommittedYetCountsFromItsStart() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.kafka.bootstrapServers(),
                "transactional.id", "input-task"), new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> member = new KafkaConsumer<>(Map.of("bootstrap.servers", broker.kafka.bootstrapServers(),
                     "group.id", GROUP, "enable.auto.commit", false, "isolation.level", "read_committed"),
                     new StringDeserializer(), new StringDeserializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(INPUT.topic(), "k" + i, "event"));
                producer.send(new ProducerRecord<>(INTERNAL.topic(), "k" + i, "sighting"));
            }
            producer.commitTransaction();
            member.subscribe(List.of(INPUT.topic(), INTERNAL.topic()));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                member.poll(Duration.ofMillis(100));
                return member.assignment().contains(INTERNAL);
            });
            long inputEnd = broker.admin.listOffsets(Map.of(INPUT, OffsetSpec.latest())).all().get()
                    .get(INPUT).offset();
            member.commitSync(Map.of(INPUT, new OffsetAndMetadata(inputEnd)));

            assertThat(Lag.remaining(broker.admin, GROUP, Set.of(INPUT))).as("five sightings, one transaction marker").isEqualTo(5);

            member.commitSync(Map.of(INPUT, new OffsetAndMetadata(inputEnd), INTERNAL, new OffsetAndMetadata(6)));
            assertThat(Lag.remaining(broker.admin, GROUP, Set.of(INPUT))).isZero();
        }
    }
}
