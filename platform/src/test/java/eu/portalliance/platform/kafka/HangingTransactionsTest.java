package eu.portalliance.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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

class HangingTransactionsTest {
    private static final TopicPartition EVENTS = new TopicPartition("events", 0);
    private static final TopicPartition OTHER = new TopicPartition("events", 1);
    private static final List<TopicPartition> BOTH = List.of(EVENTS, OTHER);

    @TempDir
    static Path dir;
    private static TestBroker broker;
    private static EmbeddedKafka kafka;
    private static Admin admin;

    @BeforeAll
    static void broker() throws Exception {
        // The coordinator looks for timed-out transactions every half second, not every 10 s.
        broker = TestBroker.start(dir, Map.of("transaction.abort.timed.out.transaction.cleanup.interval.ms", "500"),
                new NewTopic("events", 2, (short) 1));
        kafka = broker.kafka;
        admin = broker.admin;
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static TransactionDescription coordinator(TransactionState state, long producerId, Set<TopicPartition> partitions) {
        return new TransactionDescription(1, state, producerId, 3, 10_000, OptionalLong.of(0), partitions);
    }

    @Test
    void aPartitionHangsWhenItsCoordinatorNoLongerCountsItInTheTransaction() {
        HangingTransactions.Open open = new HangingTransactions.Open(EVENTS, 7, (short) 3, 0, 42);

        assertThat(HangingTransactions.hanging(open, Optional.of(coordinator(TransactionState.ONGOING, 7, Set.of(EVENTS, OTHER)))))
                .as("ongoing: the coordinator commits it or aborts it when it times out").isFalse();
        assertThat(HangingTransactions.hanging(open, Optional.of(coordinator(TransactionState.PREPARE_COMMIT, 7, Set.of(EVENTS)))))
                .as("its markers are being written").isFalse();
        assertThat(HangingTransactions.hanging(open, Optional.of(coordinator(TransactionState.PREPARE_COMMIT, 7, Set.of(OTHER)))))
                .as("dropped from the transaction as if deleted: no marker will come").isTrue();
        assertThat(HangingTransactions.hanging(open, Optional.of(coordinator(TransactionState.COMPLETE_COMMIT, 7, Set.of()))))
                .as("completed without this partition's marker (the restart after a crash)").isTrue();
        assertThat(HangingTransactions.hanging(open, Optional.of(coordinator(TransactionState.ONGOING, 8, Set.of(EVENTS)))))
                .as("another producer's transaction").isTrue();
        assertThat(HangingTransactions.hanging(open, Optional.empty())).as("unknown to every coordinator").isTrue();
    }

    @Test
    void aTransactionACrashedClientLeftOngoingIsLeftToItsCoordinatorWhichAbortsItOnTimeout() throws Exception {
        try (KafkaProducer<String, String> crashed = openTransaction("crashed-client", 1_000, EVENTS)) {
            assertThat(HangingTransactions.openTransactions(admin, BOTH)).extracting(HangingTransactions.Open::partition).contains(EVENTS);

            List<HangingTransactions.Open> aborted = HangingTransactions.abortAll(admin, Duration.ofSeconds(60));

            assertThat(aborted).as("the coordinator's own transaction").isEmpty();
            assertThat(HangingTransactions.openTransactions(admin, BOTH)).as("closed by the coordinator's timeout").isEmpty();
        }
    }

    @Test
    void abortingAnOpenTransactionLetsReadCommittedConsumersPastIt() throws Exception {
        try (KafkaProducer<String, String> stuck = openTransaction("stuck-client", 600_000, OTHER)) {
            List<HangingTransactions.Open> open = HangingTransactions.openTransactions(admin, BOTH).stream()
                    .filter(o -> o.partition().equals(OTHER)).toList();
            assertThat(open).hasSize(1);
            long end = admin.listOffsets(Map.of(OTHER, OffsetSpec.latest())).all().get().get(OTHER).offset();

            assertThat(HangingTransactions.abort(admin, open.get(0))).isTrue();

            assertThat(HangingTransactions.openTransactions(admin, BOTH)).extracting(HangingTransactions.Open::partition).doesNotContain(OTHER);
            try (KafkaProducer<String, String> plain = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                plain.send(new ProducerRecord<>(OTHER.topic(), OTHER.partition(), "k", "after")).get();
            }
            assertThat(readCommitted(OTHER, end + 2)).as("past the aborted record and its marker")
                    .extracting(ConsumerRecord::value).containsExactly("after");
        }
    }

    /** A producer that has written one record to {@code tp} in a transaction it never ends, as a crashed client. */
    private static KafkaProducer<String, String> openTransaction(String id, int timeoutMs, TopicPartition tp) throws Exception {
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "transactional.id", id, "transaction.timeout.ms", timeoutMs), new StringSerializer(), new StringSerializer());
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(tp.topic(), tp.partition(), "k", "never committed")).get();
        return producer;
    }

    /** Every committed record of {@code tp}, once read_committed consumers may read up to {@code until}. */
    private static List<ConsumerRecord<String, String>> readCommitted(TopicPartition tp, long until) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "isolation.level", "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                return consumer.position(tp) >= until;
            });
        }
        return out;
    }
}
