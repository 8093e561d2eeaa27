package eu.portalliance.platform.topology;

import eu.portalliance.topics.Topics.DlqHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.CaseStatus;
import eu.portalliance.avro.RuleHit;
import eu.portalliance.platform.kafka.Lag;
import eu.portalliance.topology.cases.CaseScore;
import eu.portalliance.topology.query.AllianceStores;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import eu.portalliance.platform.Backbone;
import eu.portalliance.platform.Samples;
import eu.portalliance.platform.kafka.ReferenceSeeder;
import eu.portalliance.platform.kafka.TopicProvisioner;
import eu.portalliance.registry.RestSchemaRegistryClient;
import eu.portalliance.topics.Topic;
import eu.portalliance.topics.TopicSpec;
import eu.portalliance.topics.Topics;
import eu.portalliance.topology.AllianceConfig;
import eu.portalliance.topology.AllianceStreams;
import eu.portalliance.validation.RejectReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The topology on a real broker with exactly-once: real producers at two ports, alerts read read_committed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("end-to-end")
class TopologyEndToEndTest {
    Backbone backbone;
    RestSchemaRegistryClient registry;
    AllianceStreams topology;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        backbone = Backbone.start(dir);
        registry = new RestSchemaRegistryClient(backbone.registry.url());
        ReferenceSeeder.seedIfEmpty(backbone.kafka.bootstrapServers(), registry, Map.of());
        Properties fastDiscovery = new Properties();
        fastDiscovery.put("consumer.metadata.max.age.ms", 1000);
        topology = AllianceStreams.start(AllianceConfig.builder(backbone.kafka.bootstrapServers(), dir.resolve("streams"), "e2e-secret").build(),
                registry, fastDiscovery);
        topology.awaitRunning(Duration.ofSeconds(90));
    }

    @AfterAll
    void stop() {
        if (topology != null) {
            topology.close();
        }
        if (backbone != null) {
            backbone.close();
        }
    }

    private <V> void publish(Topic<String, V> topic, String key, V value) throws Exception {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Map.of("bootstrap.servers", backbone.kafka.bootstrapServers(),
                "acks", "all", "enable.idempotence", true), new StringSerializer(), topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        }
    }

    /** Every committed record about the entity, once there are at least {@code atLeast} and the topic is read to its end. */
    private List<Alert> alertsAbout(String entityId, int atLeast) {
        Topic<String, Alert> alerts = Topics.alertsTopic(registry);
        List<Alert> found = new ArrayList<>();
        try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", backbone.kafka.bootstrapServers(),
                "isolation.level", "read_committed"), new StringDeserializer(), alerts.valueSerde().deserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(alerts.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value().getEntityId().equals(entityId)) {
                        assertThat(r.key()).isEqualTo(r.value().getAlertId());
                        found.add(r.value());
                    }
                }
                Map<TopicPartition, Long> end = consumer.endOffsets(parts);
                return found.size() >= atLeast && parts.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
        }
        return found;
    }

    @Test
    void seizuresAtTwoPortsBecomeOneCommittedCaseAThirdPortItsSecondRevisionAndAReplayNothing() throws Exception {
        Instant t = Instant.parse("2024-05-01T06:00:00Z");
        SeizureReport antwerp = SeizureReport.newBuilder(Samples.seizure("E2E-BEANR-1")).setEventTime(t)
                .setContainerNumber("TGHU8792473").setVesselImo(null).setConsignee(null).build();
        SeizureReport rotterdam = SeizureReport.newBuilder(Samples.seizure("E2E-NLRTM-1")).setReportingPort("NLRTM")
                .setEventTime(t.plus(Duration.ofDays(4))).setContainerNumber("TGHU8792473").setVesselImo(null).setConsignee(null).build();
        SeizureReport hamburg = SeizureReport.newBuilder(Samples.seizure("E2E-DEHAM-1")).setReportingPort("DEHAM")
                .setEventTime(t.plus(Duration.ofDays(6))).setContainerNumber("TGHU8792473").setVesselImo(null).setConsignee(null).build();
        publish(Topics.seizuresTopic("BEANR", registry), antwerp.getContainerNumber(), antwerp);
        publish(Topics.seizuresTopic("NLRTM", registry), rotterdam.getContainerNumber(), rotterdam);

        Alert first = alertsAbout("TGHU8792473", 1).get(0);
        assertThat(first.getRevision()).isEqualTo(1);
        assertThat(first.getStatus()).isEqualTo(CaseStatus.OPEN);
        assertThat(first.getType()).isEqualTo(AlertType.CROSS_PORT_ENTITY);
        assertThat(first.getPorts()).containsExactly("BEANR", "NLRTM");
        assertThat(first.getSourceEventIds()).containsExactly("E2E-BEANR-1", "E2E-NLRTM-1");
        assertThat(first.getRules()).extracting(RuleHit::getRuleId).containsExactly("R1");
        assertThat(first.getScoreReasons()).contains("seizure in the evidence +35", "2 ports +8");
        assertThat(first.getSeverity()).isEqualTo(CaseScore.band(first.getScore()));

        publish(Topics.seizuresTopic("DEHAM", registry), hamburg.getContainerNumber(), hamburg);
        List<Alert> revisions = alertsAbout("TGHU8792473", 2);
        Alert second = revisions.get(1);
        assertThat(second.getAlertId()).isEqualTo(first.getAlertId());
        assertThat(second.getRevision()).isEqualTo(2);
        assertThat(second.getPorts()).containsExactly("BEANR", "DEHAM", "NLRTM");
        assertThat(second.getSourceEventIds()).as("oldest first").containsExactly("E2E-BEANR-1", "E2E-NLRTM-1", "E2E-DEHAM-1");
        assertThat(second.getScore()).isGreaterThan(first.getScore());

        // A port resends everything: the topology catches up and the case has no third revision.
        publish(Topics.seizuresTopic("BEANR", registry), antwerp.getContainerNumber(), antwerp);
        publish(Topics.seizuresTopic("NLRTM", registry), rotterdam.getContainerNumber(), rotterdam);
        publish(Topics.seizuresTopic("DEHAM", registry), hamburg.getContainerNumber(), hamburg);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", backbone.kafka.bootstrapServers()))) {
            Set<TopicPartition> inputs = new HashSet<>();
            for (String port : List.of("BEANR", "NLRTM", "DEHAM")) {
                admin.describeTopics(List.of(Topics.seizures(port))).allTopicNames().get().values()
                        .forEach(d -> d.partitions().forEach(p -> inputs.add(new TopicPartition(d.name(), p.partition()))));
            }
            Lag.awaitCaughtUp(admin, AllianceConfig.DEFAULT_APPLICATION_ID, inputs, 60);
        }
        assertThat(alertsAbout("TGHU8792473", 2)).extracting(Alert::getRevision).containsExactly(1, 2);
    }

    @Test
    void timeIndexedStoresStampTheirChangelogsOnArrivalSoOldEventTimesAreNotDeletedAtOnce() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", backbone.kafka.bootstrapServers()))) {
            for (String store : List.of(AllianceStores.ENTITY_SIGHTINGS, AllianceStores.ROUTE_WINDOWS)) {
                var resource = new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC,
                        AllianceConfig.DEFAULT_APPLICATION_ID + "-" + store + "-changelog");
                var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                assertThat(config.get("message.timestamp.type").value()).as(store).isEqualTo("LogAppendTime");
                assertThat(config.get("cleanup.policy").value()).as(store).contains("delete");
            }
        }
    }

    @Test
    void unreadableAndInvalidRecordsReachTheDlqUnderExactlyOnce() throws Exception {
        byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        SeizureReport invalid = SeizureReport.newBuilder(Samples.seizure("E2E-BAD-1")).setContainerNumber("CSQU3054384").build();
        byte[] invalidBytes = Topics.seizuresTopic("BEANR", registry).valueSerde().serializer().serialize(Topics.seizures("BEANR"), invalid);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", backbone.kafka.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.seizures("ESALG"), "k1".getBytes(), garbage)).get();
            producer.send(new ProducerRecord<>(Topics.seizures("BEANR"), "k2".getBytes(), invalidBytes)).get();
        }
        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", backbone.kafka.bootstrapServers(),
                "group.id", "dlq-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.DLQ));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
                return dead.size() >= 2;
            });
        }
        assertThat(dead).anySatisfy(r -> {
            assertThat(r.value()).isEqualTo(garbage);
            assertThat(new String(r.headers().lastHeader(DlqHeaders.REASON).value())).isEqualTo("UNREADABLE");
            assertThat(new String(r.headers().lastHeader(DlqHeaders.SOURCE_TOPIC).value())).isEqualTo(Topics.seizures("ESALG"));
        });
        assertThat(dead).anySatisfy(r -> {
            assertThat(r.value()).isEqualTo(invalidBytes);
            assertThat(new String(r.headers().lastHeader(DlqHeaders.REASON).value())).isEqualTo("INVALID_CONTAINER_NUMBER");
        });
        assertThat(topology.rejects().count(RejectReason.UNREADABLE)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aNewPortJoinsByCreatingItsTopicsWithoutARestart() throws Exception {
        String rijeka = "HRRJK";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", backbone.kafka.bootstrapServers()))) {
            List<TopicSpec> specs = Topics.portTopics(rijeka);
            TopicProvisioner.ensure(admin, specs, (short) 1);
        }
        Instant t = Instant.parse("2024-06-01T06:00:00Z");
        SeizureReport atRijeka = SeizureReport.newBuilder(Samples.seizure("E2E-HRRJK-1")).setReportingPort(rijeka)
                .setEventTime(t).setContainerNumber("MAEU1234567").setVesselImo(null).setConsignee(null).build();
        SeizureReport atKoper = SeizureReport.newBuilder(Samples.seizure("E2E-BEANR-2"))
                .setEventTime(t.plus(Duration.ofDays(1))).setContainerNumber("MAEU1234567").setVesselImo(null).setConsignee(null).build();
        // Kafka Streams notices the new topic on its next metadata refresh; a seizure published before that is
        // read from the start of the topic once the consumer subscribes to it.
        publish(Topics.seizuresTopic(rijeka, registry), atRijeka.getContainerNumber(), atRijeka);
        publish(Topics.seizuresTopic("BEANR", registry), atKoper.getContainerNumber(), atKoper);
        assertThat(alertsAbout("MAEU1234567", 1).get(0).getPorts()).containsExactly("BEANR", rijeka);
    }
}
