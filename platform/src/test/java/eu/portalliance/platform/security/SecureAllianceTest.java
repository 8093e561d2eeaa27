package eu.portalliance.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.RulePrecision;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.platform.CliRun;
import eu.portalliance.platform.FreePorts;
import eu.portalliance.platform.Platform;
import eu.portalliance.platform.Samples;
import eu.portalliance.registry.RestSchemaRegistryClient;
import eu.portalliance.topics.Topic;
import eu.portalliance.topics.Topics;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/alliance up --secure on the real broker: SASL/SCRAM and ACLs. A port publishes and reads its own topics and is
 * refused, with nothing written, on another port's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("end-to-end")
class SecureAllianceTest {
    Platform platform;
    Path data;
    RestSchemaRegistryClient registry;
    final String container = "TGHU8792473";

    @BeforeAll
    void start(@TempDir Path dir) {
        data = dir.resolve("data");
        int[] p = FreePorts.pick(5);
        platform = Platform.start(new Platform.Settings(data, p[0], p[1], p[2], p[3], true, p[4]));
        registry = new RestSchemaRegistryClient(platform.registryUrl());
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private Map<String, Object> as(String principal) {
        Map<String, Object> c = new HashMap<>(platform.credentials().clientConfig(principal));
        c.put("bootstrap.servers", platform.bootstrapServers());
        c.put("max.block.ms", 15_000);
        c.put("delivery.timeout.ms", 15_000);
        c.put("request.timeout.ms", 10_000);
        return c;
    }

    private void publish(String principal, String topicPort, SeizureReport s) throws Exception {
        Topic<String, SeizureReport> topic = Topics.seizuresTopic(topicPort, registry);
        try (KafkaProducer<String, SeizureReport> producer = new KafkaProducer<>(as(principal), new StringSerializer(),
                topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), s.getContainerNumber(), s)).get();
        }
    }

    private long endOffset(String topic) {
        try (KafkaConsumer<byte[], byte[]> admin = new KafkaConsumer<>(as("admin"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = admin.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            return admin.endOffsets(parts).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private String[] client(String principal, String... rest) {
        List<String> args = new ArrayList<>(List.of(rest));
        args.addAll(List.of("--bootstrap", platform.bootstrapServers(), "--registry", platform.registryUrl(),
                "--client-config", platform.credentials().file(principal).toString()));
        return args.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void aPortPublishesItsOwnEventsButIsRefusedOnAnotherPortsTopic() throws Exception {
        Instant t = Instant.parse("2024-07-01T06:00:00Z");
        publish("port-BEANR", "BEANR", SeizureReport.newBuilder(Samples.seizure("SEC-BEANR-1")).setEventTime(t)
                .setContainerNumber(container).setVesselImo(null).setConsignee(null).build());

        long before = endOffset(Topics.seizures("NLRTM"));
        SeizureReport forged = SeizureReport.newBuilder(Samples.seizure("SEC-FORGED")).setReportingPort("NLRTM").build();
        assertThatThrownBy(() -> publish("port-BEANR", "NLRTM", forged))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThat(endOffset(Topics.seizures("NLRTM"))).isEqualTo(before);

        publish("port-NLRTM", "NLRTM", SeizureReport.newBuilder(Samples.seizure("SEC-NLRTM-1")).setReportingPort("NLRTM")
                .setEventTime(t.plus(Duration.ofDays(1))).setContainerNumber(container).setVesselImo(null).setConsignee(null).build());
    }

    @Test
    @Order(2)
    void aPortReadsItsOwnAlertsButNotAnotherPorts() {
        Topic<String, Alert> own = Topics.portAlertsTopic("BEANR", registry);
        try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(withIsolation(as("port-BEANR")),
                new StringDeserializer(), own.valueSerde().deserializer())) {
            TopicPartition tp = new TopicPartition(own.name(), 0);
            consumer.assign(Set.of(tp));
            consumer.seekToBeginning(Set.of(tp));
            List<Alert> got = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> got.add(r.value()));
                return got.stream().anyMatch(a -> a.getEntityId().equals(container));
            });
        }
        try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(withIsolation(as("port-BEANR")),
                new StringDeserializer(), own.valueSerde().deserializer())) {
            TopicPartition other = new TopicPartition(Topics.alerts("NLRTM"), 0);
            consumer.assign(Set.of(other));
            consumer.seekToBeginning(Set.of(other));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    @Order(3)
    void aWrongPasswordIsRefused() {
        Map<String, Object> c = as("port-BEANR");
        c.putAll(Credentials.saslConfig("port-BEANR", "guessed"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(c, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.seizures("BEANR"), "k", "v")).get())
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    @Order(4)
    void thePortToolsWorkWithThePortsOwnCredentialsAndOnlyForItself() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> CliRun.of(client("port-NLRTM", "alerts", "--port", "NLRTM")).out().contains(container));
        CliRun shown = CliRun.of(client("port-NLRTM", "alerts", "--port", "NLRTM"));
        assertThat(shown.code()).isZero();
        String alertId = shown.out().lines().filter(l -> l.contains(container)).findFirst().orElseThrow()
                .replaceAll(".*\\[(CASE-[0-9a-f]+) rev \\d+].*", "$1");
        assertThat(alertId).matches("CASE-[0-9a-f]+");

        CliRun json = CliRun.of(client("port-NLRTM", "alerts", "--port", "NLRTM", "--json"));
        assertThat(json.out()).contains("\"alertId\": \"" + alertId + "\"");

        CliRun refused = CliRun.of(client("port-BEANR", "alerts", "--port", "NLRTM"));
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).startsWith("alliance: not authorised to read ports.NLRTM.alerts.v1");

        CliRun reported = CliRun.of(client("port-NLRTM", "outcome", "--port", "NLRTM", "--alert", alertId, "--result", "CONFIRMED", "--kg", "95"));
        assertThat(reported.code()).as(reported.err()).isZero();
        assertThat(reported.out()).contains("Reported CONFIRMED (95.0 kg) for alert " + alertId + " from NLRTM.");
        assertThat(reported.err()).as("a case the port received").doesNotContain("is not among the cases");
        CliRun mistyped = CliRun.of(client("port-NLRTM", "outcome", "--port", "NLRTM", "--alert", alertId + "0", "--result", "NOTHING_FOUND"));
        assertThat(mistyped.code()).as(mistyped.err()).isZero();
        assertThat(mistyped.err()).contains("alliance: " + alertId + "0 is not among the cases delivered to NLRTM "
                + "(bin/alliance alerts --port NLRTM lists them): if the id is mistyped, the alliance sets this report aside on "
                + "alliance.dlq.v1 as UNKNOWN_ALERT");

        CliRun forged = CliRun.of(client("port-BEANR", "outcome", "--port", "NLRTM", "--alert", alertId, "--result", "NOTHING_FOUND"));
        assertThat(forged.code()).isEqualTo(2);
        assertThat(forged.err()).contains("not authorised to write ports.NLRTM.alert-outcomes.v1");

        CliRun badKg = CliRun.of(client("port-NLRTM", "outcome", "--port", "NLRTM", "--alert", alertId, "--result", "NOT_CHECKED", "--kg", "5"));
        assertThat(badKg.code()).isEqualTo(2);

        Topic<String, RulePrecision> precision = Topics.rulePrecisionTopic(registry);
        try (KafkaConsumer<String, RulePrecision> consumer = new KafkaConsumer<>(withIsolation(as("admin")),
                new StringDeserializer(), precision.valueSerde().deserializer())) {
            TopicPartition tp = new TopicPartition(precision.name(), 0);
            consumer.assign(Set.of(tp));
            consumer.seekToBeginning(Set.of(tp));
            List<RulePrecision> got = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> got.add(r.value()));
                return got.stream().anyMatch(r -> r.getRuleId().equals("R1") && r.getConfirmed() == 1 && r.getKilogramsSeized() == 95.0);
            });
        }
    }

    @Test
    @Order(5)
    void portAddAdmitsANewPortWithItsOwnCredentials() throws Exception {
        CliRun added = CliRun.of("port", "add", "HRRJK", "--name", "Rijeka", "--data-dir", data.toString(),
                "--bootstrap", platform.bootstrapServers(), "--registry", platform.registryUrl());
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).contains("Port HRRJK admitted: " + Topics.portTopics("HRRJK").size() + " topic(s) created")
                .contains("port-HRRJK.properties").contains("port-HRRJK.librdkafka.properties");
        publish("port-HRRJK", "HRRJK", SeizureReport.newBuilder(Samples.seizure("SEC-HRRJK-1")).setReportingPort("HRRJK").build());
        assertThatThrownBy(() -> publish("port-HRRJK", "BEANR", Samples.seizure("SEC-HRRJK-2")))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    @Order(6)
    void aPythonPortSystemOnAnOldLibrdkafkaJoinsOverTlsAndIsRefusedElsewhere() throws Exception {
        String config = platform.credentials().file("port-ESALG").resolveSibling("port-ESALG.librdkafka.properties").toString();
        String events = Path.of(getClass().getResource("/python/esalg-seizure.json").toURI()).toString();
        PythonPort.Run published = PythonPort.run("publish", "--config", config, "--registry", platform.registryUrl(),
                "--port", "ESALG", "--events", events);
        assertThat(published.code()).as(published.err()).isZero();
        assertThat(published.out()).contains("published 1 event(s) to ports.ESALG.seizures.v1");
        // The same container seized at Hamburg, by a Java port system: one case for both ports.
        publish("port-DEHAM", "DEHAM", SeizureReport.newBuilder(Samples.seizure("SEC-DEHAM-1")).setReportingPort("DEHAM")
                .setEventTime(Instant.parse("2024-07-03T08:30:00Z")).setContainerNumber("MSCU7301240")
                .setVesselImo(null).setConsignee(null).build());

        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
            PythonPort.Run alerts = PythonPort.run("alerts", "--config", config, "--registry", platform.registryUrl(),
                    "--port", "ESALG", "--idle", "2");
            return alerts.code() == 0 && alerts.out().lines().anyMatch(l -> l.contains("\"entityId\": \"MSCU7301240\"")
                    && l.contains("\"alertId\": \"CASE-"));
        });

        PythonPort.Run otherAlerts = PythonPort.run("alerts", "--config", config, "--registry", platform.registryUrl(),
                "--port", "DEHAM", "--idle", "2");
        assertThat(otherAlerts.code()).isEqualTo(2);
        assertThat(otherAlerts.err().strip()).isEqualTo("alliance-port: not authorised to read ports.DEHAM.alerts.v1: a port reads its own alerts only");
        long before = endOffset(Topics.seizures("DEHAM"));
        PythonPort.Run forged = PythonPort.run("publish", "--config", config, "--registry", platform.registryUrl(),
                "--port", "DEHAM", "--events", events);
        assertThat(forged.code()).isEqualTo(2);
        assertThat(forged.err()).contains("not published to ports.DEHAM.seizures.v1").contains("authorization failed");
        assertThat(endOffset(Topics.seizures("DEHAM"))).isEqualTo(before);

        // Who tried what: on the health endpoint and as a broker metric.
        assertThat(platform.refusedAccess().get("ESALG")).containsKeys("DESCRIBE TOPIC:ports.DEHAM.alerts.v1",
                "DESCRIBE TOPIC:ports.DEHAM.seizures.v1");
        assertThat(platform.refusedAccess().get("BEANR")).as("port-BEANR's attempts in the tests above")
                .containsKeys("DESCRIBE TOPIC:ports.NLRTM.seizures.v1", "DESCRIBE TOPIC:ports.NLRTM.alerts.v1");
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> beans = jmx.queryNames(new ObjectName("kafka.server:type=plugins,port=ESALG,*"), null);
        assertThat(beans).hasSize(1);
        assertThat((Double) jmx.getAttribute(beans.iterator().next(), CountingAuthorizer.METRIC)).isGreaterThanOrEqualTo(3.0);
    }

    @Test
    @Order(7)
    void aWrongPasswordOnTheTlsListenerIsRefusedAndAServiceCannotUsePlain() throws Exception {
        Path dir = data.resolveSibling("kcat");
        java.nio.file.Files.createDirectories(dir);
        String good = java.nio.file.Files.readString(platform.credentials().file("port-ESALG").resolveSibling("port-ESALG.librdkafka.properties"));
        assertThat(kcatList(dir, good)).contains("topic \"ports.ESALG.seizures.v1\"");
        assertThat(kcatList(dir, good.replaceAll("sasl.password=.*", "sasl.password=guessed"))).contains("Authentication failed");
        String topology = good.replace("sasl.username=port-ESALG", "sasl.username=topology").replaceAll("sasl.password=.*",
                "sasl.password=" + platform.credentials().password("topology", platform.bootstrapServers()));
        assertThat(kcatList(dir, topology)).as("the alliance's own services keep SCRAM").contains("Authentication failed");
    }

    private static String kcatList(Path dir, String settings) throws Exception {
        Path file = java.nio.file.Files.createTempFile(dir, "kcat", ".properties");
        java.nio.file.Files.writeString(file, settings);
        Process kcat = new ProcessBuilder("kcat", "-F", file.toString(), "-L", "-m", "10").redirectErrorStream(true).start();
        String out = new String(kcat.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(kcat.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static Map<String, Object> withIsolation(Map<String, Object> c) {
        c.put("isolation.level", "read_committed");
        return c;
    }
}
