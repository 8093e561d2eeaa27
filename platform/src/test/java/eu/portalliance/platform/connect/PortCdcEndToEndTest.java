package eu.portalliance.platform.connect;

import eu.portalliance.topics.Topics.DlqHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.Indicator;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.registry.RestSchemaRegistryClient;
import eu.portalliance.topics.Topic;
import eu.portalliance.topics.Topics;
import eu.portalliance.validation.EventChecks;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A port's terminal database feeds the alliance through Kafka Connect: a real PostgreSQL (logical replication),
 * Debezium's Postgres connector from its plugin folder, the real broker and registry, the project's config files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("end-to-end")
class PortCdcEndToEndTest {
    ConnectFixture f;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "4").setServerConfig("max_wal_senders", "4").start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(Files.readString(ConnectFixture.PROJECT.resolve("connectors/sql/port-tos.sql")));
        }
        f = new ConnectFixture(dir, pg);
        f.connector("port-tos-suspicious.properties", Map.of("database.port", Integer.toString(f.postgres.getPort()),
                "database.user", "postgres", "database.password", "postgres", "database.dbname", "postgres"));
    }

    @AfterAll
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    /** Inserts a row and returns its id. */
    private long insert(String sql) throws Exception {
        try (Connection c = f.postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql + " RETURNING id")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aRowInsertedAtThePortArrivesAsAValidAllianceEvent() throws Exception {
        long id = insert("INSERT INTO suspicious_containers (container_number, vessel_imo, indicators, local_score, action, "
                + "port_of_loading, next_ports, handling_code, flagged_at, note) VALUES ('CSQU3054383', '9074729', "
                + "'SEAL_MISMATCH, DWELL_ANOMALY', 0.85, 'HOLD', 'ECGYE', 'NLRTM', 'TLP_AMBER', '2024-10-01T08:30:00Z', 'seal 221 expected')");

        Topic<String, SuspiciousContainerEvent> topic = Topics.suspiciousTopic("BEANR", new RestSchemaRegistryClient(f.registry.url()));
        List<ConsumerRecord<String, SuspiciousContainerEvent>> got = new ArrayList<>();
        try (KafkaConsumer<String, SuspiciousContainerEvent> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                f.kafka.bootstrapServers()), new StringDeserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> parts = List.of(new TopicPartition(topic.name(), 0), new TopicPartition(topic.name(), 1),
                    new TopicPartition(topic.name(), 2));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(got::add);
                return !got.isEmpty();
            });
        }
        SuspiciousContainerEvent e = got.get(0).value();
        assertThat(got.get(0).key()).isEqualTo("CSQU3054383");
        assertThat(e.getEventId()).isEqualTo("BEANR-TOS-" + id);
        assertThat(e.getReportingPort()).isEqualTo("BEANR");
        assertThat(e.getContainerNumber()).isEqualTo("CSQU3054383");
        assertThat(e.getIndicators()).containsExactly(Indicator.SEAL_MISMATCH, Indicator.DWELL_ANOMALY);
        assertThat(e.getLocalScore()).isEqualTo(0.85);
        assertThat(e.getRoute().getPortOfLoading()).isEqualTo("ECGYE");
        assertThat(e.getNextPortsOfCall()).containsExactly("NLRTM");
        assertThat(e.getHandlingCode()).isEqualTo(HandlingCode.TLP_AMBER);
        assertThat(e.getEventTime().toString()).isEqualTo("2024-10-01T08:30:00Z");
        EventChecks.suspicion(e, "BEANR", System.currentTimeMillis(), Duration.ofHours(24));
    }

    @Test
    void aRowTheAllianceCannotAcceptGoesToTheDeadLetterTopicWithItsReason() throws Exception {
        insert("INSERT INTO suspicious_containers (container_number, indicators, flagged_at) "
                + "VALUES ('CSQU3054384', 'SEAL_MISMATCH', '2024-10-02T08:30:00Z')");
        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", f.kafka.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(Topics.DLQ, 0);
            consumer.assign(Set.of(tp));
            consumer.seekToBeginning(Set.of(tp));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(dead::add);
                return !dead.isEmpty();
            });
        }
        ConsumerRecord<byte[], byte[]> r = dead.get(0);
        assertThat(new String(r.headers().lastHeader(DlqHeaders.REASON).value(), StandardCharsets.UTF_8)).isEqualTo("INVALID_CONTAINER_NUMBER");
        assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains("\"container_number\":\"CSQU3054384\"");
    }
}
