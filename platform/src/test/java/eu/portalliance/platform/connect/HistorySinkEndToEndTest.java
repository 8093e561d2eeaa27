package eu.portalliance.platform.connect;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.RulePrecision;
import eu.portalliance.avro.Severity;
import eu.portalliance.registry.RestSchemaRegistryClient;
import eu.portalliance.topics.Topic;
import eu.portalliance.topics.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Alerts and rule precision reach PostgreSQL through the Debezium JDBC sink, upserted: a replay never duplicates. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("end-to-end")
class HistorySinkEndToEndTest {
    ConnectFixture f;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new ConnectFixture(dir, EmbeddedPostgres.builder().start());
        f.connector("alerts-jdbc-sink.properties", Map.of(
                "connection.url", "jdbc:postgresql://127.0.0.1:" + f.postgres.getPort() + "/postgres",
                "connection.username", "postgres", "connection.password", "postgres",
                "value.converter.schema.registry.url", f.registry.url()));
    }

    @AfterAll
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    static Alert alert(String id, String summary) {
        Instant t = Instant.parse("2025-02-01T10:00:00Z");
        return Alert.newBuilder().setAlertId(id).setType(AlertType.CROSS_PORT_ENTITY).setSeverity(Severity.HIGH)
                .setSeverityReasons(List.of("R1: seen at 2 ports")).setEntityType(EntityType.CONTAINER).setEntityId("CSQU3054383")
                .setPorts(List.of("BEANR", "NLRTM")).setHandlingCode(HandlingCode.TLP_AMBER).setRuleId("R1").setRuleVersion(1)
                .setSourceEventIds(List.of("A", "B")).setFirstEventTime(t).setRaisedAt(t.plusSeconds(3600))
                .setSummary(summary).setKilograms(240).setAttributes(Map.of("portCount", "2")).build();
    }

    private <V> void publish(Topic<String, V> topic, String key, V value) throws Exception {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Map.of("bootstrap.servers", f.kafka.bootstrapServers()),
                new StringSerializer(), topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        }
    }

    private String query(String sql) throws Exception {
        try (Connection c = f.postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.append('\n');
            }
            return out.toString().trim();
        }
    }

    private boolean tableHas(String table, String where) {
        try {
            return !query("SELECT 1 FROM " + table + " WHERE " + where).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void alertsArriveAsRowsAndAReplayReplacesRatherThanDuplicates() throws Exception {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(f.registry.url());
        Topic<String, Alert> alerts = Topics.alertsTopic(client);
        publish(alerts, "R1-aaa", alert("R1-aaa", "first version"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> tableHas("alerts", "id = 'R1-aaa'"));
        assertThat(query("SELECT alert_id, severity, ports, rule_id, rule_version, kilograms, summary FROM alerts WHERE id = 'R1-aaa'"))
                .isEqualTo("R1-aaa|HIGH|BEANR,NLRTM|R1|1|240|first version");
        assertThat(query("SELECT to_char(raised_at, 'YYYY-MM-DD HH24:MI:SS') FROM alerts WHERE id = 'R1-aaa'")).isEqualTo("2025-02-01 11:00:00");

        publish(alerts, "R1-aaa", alert("R1-aaa", "replayed"));
        publish(alerts, "R1-bbb", alert("R1-bbb", "another"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> tableHas("alerts", "id = 'R1-bbb'"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> query("SELECT summary FROM alerts WHERE id = 'R1-aaa'").equals("replayed"));
        assertThat(query("SELECT count(*) FROM alerts")).isEqualTo("2");
    }

    @Test
    void rulePrecisionIsOneRowPerRuleVersion() throws Exception {
        Topic<String, RulePrecision> precision = Topics.rulePrecisionTopic(new RestSchemaRegistryClient(f.registry.url()));
        publish(precision, "R1:v1", RulePrecision.newBuilder().setRuleId("R1").setRuleVersion(1).setConfirmed(1).setPrecision(1.0).build());
        publish(precision, "R1:v1", RulePrecision.newBuilder().setRuleId("R1").setRuleVersion(1).setConfirmed(1).setNothingFound(1).setPrecision(0.5).build());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> tableHas("rule_precision", "id = 'R1:v1' AND nothing_found = 1"));
        assertThat(query("SELECT rule_id, confirmed, nothing_found, precision FROM rule_precision")).isEqualTo("R1|1|1|0.5");
    }
}
