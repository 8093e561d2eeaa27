package eu.portalliance.platform.connect;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.RulePrecision;
import eu.portalliance.avro.CaseStatus;
import eu.portalliance.avro.RuleHit;
import eu.portalliance.topology.cases.CaseScore;
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

    /** A case's revision as the topology publishes it: a third port, a higher score, the same id. */
    static Alert revision(String id, int revision, List<String> ports, double score, String summary) {
        Instant t = Instant.parse("2025-02-01T10:00:00Z");
        return Alert.newBuilder().setAlertId(id).setType(AlertType.CROSS_PORT_ENTITY).setSeverity(CaseScore.band(score))
                .setSeverityReasons(List.of("R1: seized at " + String.join(" and ", ports))).setEntityType(EntityType.CONTAINER)
                .setEntityId("CSQU3054383").setPorts(ports).setHandlingCode(HandlingCode.TLP_AMBER).setRuleId("R1").setRuleVersion(2)
                .setSourceEventIds(ports.stream().map(p -> "SZ-" + p).toList()).setFirstEventTime(t)
                .setRaisedAt(t.plusSeconds(3600L * revision)).setFirstRaisedAt(t.plusSeconds(3600))
                .setSummary(summary).setKilograms(120.0 * ports.size()).setAttributes(Map.of("portCount", Integer.toString(ports.size())))
                .setRevision(revision).setStatus(CaseStatus.OPEN).setScore(score).setScoreReasons(List.of("seizure in the evidence +35"))
                .setRules(List.of(new RuleHit("R1", 2, AlertType.CROSS_PORT_ENTITY, List.of("seized at BEANR and NLRTM")))).build();
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
    void aCaseIsOneRowAtItsLatestRevisionAndAReplayReplacesRatherThanDuplicates() throws Exception {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(f.registry.url());
        Topic<String, Alert> alerts = Topics.alertsTopic(client);
        publish(alerts, "CASE-aaa", revision("CASE-aaa", 1, List.of("BEANR", "NLRTM"), 53.3, "two ports"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> tableHas("alerts", "id = 'CASE-aaa'"));
        assertThat(query("SELECT alert_id, revision, status, score, severity, ports, rule_id, rule_version, kilograms, summary FROM alerts WHERE id = 'CASE-aaa'"))
                .isEqualTo("CASE-aaa|1|OPEN|53.3|LOW|BEANR,NLRTM|R1|2|240|two ports");
        assertThat(query("SELECT to_char(raised_at, 'YYYY-MM-DD HH24:MI:SS'), to_char(first_raised_at, 'YYYY-MM-DD HH24:MI:SS') FROM alerts WHERE id = 'CASE-aaa'"))
                .isEqualTo("2025-02-01 11:00:00|2025-02-01 11:00:00");
        assertThat(query("SELECT rules FROM alerts WHERE id = 'CASE-aaa'")).contains("\"ruleId\": \"R1\"").contains("seized at BEANR and NLRTM");

        publish(alerts, "CASE-aaa", revision("CASE-aaa", 2, List.of("BEANR", "DEHAM", "NLRTM"), 61.3, "three ports"));
        publish(alerts, "CASE-bbb", revision("CASE-bbb", 1, List.of("ESALG", "PTSIE"), 50.0, "another"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> tableHas("alerts", "id = 'CASE-bbb'"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> query("SELECT revision FROM alerts WHERE id = 'CASE-aaa'").equals("2"));
        assertThat(query("SELECT revision, score, ports, summary, to_char(raised_at, 'HH24:MI') FROM alerts WHERE id = 'CASE-aaa'"))
                .isEqualTo("2|61.3|BEANR,DEHAM,NLRTM|three ports|12:00");
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
