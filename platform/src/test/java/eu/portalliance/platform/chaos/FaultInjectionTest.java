package eu.portalliance.platform.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.ports.simulation.SimEvent;
import eu.portalliance.ports.simulation.Simulator;
import eu.portalliance.reference.KnownPorts;
import eu.portalliance.topics.Topics;
import eu.portalliance.topology.query.AllianceQueries;
import eu.portalliance.topology.query.EntityRef;
import eu.portalliance.topology.query.EntitySightings;
import eu.portalliance.validation.RejectReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on the real embedded broker, each against the same input run once without a fault: the same open cases
 * holding the same events, no (case, revision) record published twice, every bad record in the DLQ with its reason.
 * Each test adds its row to the table {@link FaultTable} prints (and writes to target/fault-injection.md).
 */
@Tag("end-to-end")
@Tag("chaos")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionTest {
    private static final int EVENTS = 6_000;
    private final List<SimEvent> input = new Simulator(new Simulator.Settings(3, KnownPorts.allianceLocodes(),
            Instant.parse("2025-01-06T00:00:00Z"), EVENTS / 28.0)).take(EVENTS);
    private Map<String, Set<String>> reference;

    @TempDir
    Path dir;

    @BeforeAll
    void cleanRun(@TempDir Path clean) throws Exception {
        try (InJvmAlliance alliance = InJvmAlliance.start(clean)) {
            alliance.publish(input);
            alliance.awaitCaughtUp();
            InJvmAlliance.Output out = alliance.output();
            reference = out.openCases();
            FaultTable.add("none (the reference run)", EVENTS, 0, reference, out, alliance.deadLetters(), Map.of());
        }
        assertThat(reference).as("open cases of the reference run").hasSizeGreaterThan(50);
    }

    @AfterAll
    void print() {
        FaultTable.print();
    }

    @Test
    void theBrokerStoppedAndRestartedUnderLoadLosesAndDuplicatesNothing() throws Exception {
        try (InJvmAlliance alliance = InJvmAlliance.start(dir)) {
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> publishInSlices(alliance, input, 12));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> inputRecords(alliance) >= EVENTS / 4);
            alliance.stopBroker();
            alliance.startBroker();
            publishing.get(180, TimeUnit.SECONDS);
            alliance.awaitCaughtUp();
            assertSameAsReference("broker stopped and restarted under load", alliance, 0, Map.of());
        }
    }

    @Test
    void theRegistryUnreachableFor30SecondsUnderLoad() throws Exception {
        try (InJvmAlliance alliance = InJvmAlliance.start(dir)) {
            int third = EVENTS / 3;
            alliance.publish(input.subList(0, third));
            alliance.stopRegistry();
            // The port SDK and the topology hold the schema ids they have used: both carry on without the registry.
            alliance.publish(input.subList(third, 2 * third));
            Awaitility.await().during(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(40))
                    .until(() -> alliance.topology.kafkaStreams().state() == KafkaStreams.State.RUNNING);
            alliance.startRegistry();
            alliance.publish(input.subList(2 * third, EVENTS));
            alliance.awaitCaughtUp();
            assertSameAsReference("registry unreachable for 30 s under load", alliance, 0, Map.of());
        }
    }

    @Test
    void theStateFolderDeletedWhileStoppedIsRestoredFromChangelogs() throws Exception {
        try (InJvmAlliance alliance = InJvmAlliance.start(dir)) {
            alliance.publish(input);
            alliance.awaitCaughtUp();
            Map<String, Object> before = answers(alliance);
            int recordsBefore = alliance.output().records();

            alliance.stopTopology();
            deleteTree(alliance.stateDir());
            assertThat(alliance.stateDir()).doesNotExist();
            alliance.startTopology();
            alliance.awaitCaughtUp();

            assertThat(answers(alliance)).isEqualTo(before);
            assertThat(alliance.output().records()).as("case revisions published, before and after the restore").isEqualTo(recordsBefore);
            assertSameAsReference("state folder deleted while stopped", alliance, 0, Map.of());
        }
    }

    @Test
    void aPoisonFloodLandsInTheDlqExactlyAndChangesNoCase() throws Exception {
        try (InJvmAlliance alliance = InJvmAlliance.start(dir);
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", alliance.bootstrap(),
                     "acks", "all", "enable.idempotence", true), new StringSerializer(), new ByteArraySerializer())) {
            Map<String, Integer> planted = new TreeMap<>();
            List<SimEvent> good = new ArrayList<>();
            for (int i = 0; i < input.size(); i++) {
                good.add(input.get(i));
                if (i % 9 == 0) {
                    // one bad record for every nine good ones: 10 % of the stream
                    Poison p = poison(alliance, input.get(i), i / 9);
                    raw.send(new ProducerRecord<>(p.topic(), p.key(), p.bytes()));
                    planted.merge(p.reason().name(), 1, Integer::sum);
                }
                if (good.size() == 500) {
                    alliance.publish(good);
                    good.clear();
                }
            }
            alliance.publish(good);
            raw.flush();
            alliance.awaitCaughtUp();

            Map<String, Integer> dead = alliance.deadLetters();
            assertThat(dead).isEqualTo(planted);
            Map<String, Long> counted = new TreeMap<>();
            @SuppressWarnings("unchecked")
            Map<String, Long> rejected = (Map<String, Long>) alliance.topology.health().get("rejected");
            rejected.forEach((reason, n) -> {
                if (n > 0) {
                    counted.put(reason, n);
                }
            });
            assertThat(counted).isEqualTo(planted.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                    Map.Entry::getKey, e -> (long) e.getValue(), (a, b) -> a, TreeMap::new)));
            assertSameAsReference("poison flood: 10 % unreadable or invalid records", alliance,
                    planted.values().stream().mapToInt(Integer::intValue).sum(), planted);
        }
    }

    private void assertSameAsReference(String fault, InJvmAlliance alliance, int bad, Map<String, Integer> expectedDlq) {
        InJvmAlliance.Output out = alliance.output();
        Map<String, Integer> dlq = alliance.deadLetters();
        FaultTable.add(fault, EVENTS, bad, reference, out, dlq, expectedDlq);
        assertThat(out.duplicatedRecords()).as("(case, revision) records published more than once").isZero();
        assertThat(dlq).isEqualTo(expectedDlq);
        assertThat(out.openCases()).isEqualTo(reference);
    }

    /** Publishes the events in slices, each acknowledged before the next: a port system's steady stream. */
    private static void publishInSlices(InJvmAlliance alliance, List<SimEvent> events, int slices) {
        int size = (events.size() + slices - 1) / slices;
        try {
            for (int from = 0; from < events.size(); from += size) {
                alliance.publish(events.subList(from, Math.min(events.size(), from + size)));
            }
        } catch (Exception e) {
            throw new IllegalStateException("a port could not publish: " + e, e);
        }
    }

    private static long inputRecords(InJvmAlliance alliance) throws Exception {
        try (var admin = alliance.admin()) {
            Map<org.apache.kafka.common.TopicPartition, OffsetSpec> latest = new HashMap<>();
            InJvmAlliance.inputs().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream().mapToLong(i -> i.offset()).sum();
        }
    }

    /** What analysts would ask: every case the topology keeps, and the sightings of each entity in the reference cases. */
    private Map<String, Object> answers(InJvmAlliance alliance) {
        AllianceQueries queries = new AllianceQueries(alliance.topology.kafkaStreams(), new HostInfo("127.0.0.1", 1),
                Duration.ofDays(400), 1000);
        Map<String, Object> answers = new TreeMap<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            answers.clear();
            queries.localAlerts().forEach(a -> answers.put("case " + a.getAlertId(), a.getRevision() + " " + a.getSourceEventIds()));
            for (String id : reference.keySet()) {
                queries.alert(id).ifPresent(a -> {
                    if (a.getEntityType() != EntityType.ROUTE && a.getEntityType() != EntityType.ORIGIN) {
                        Optional<EntitySightings> s = queries.sightings(new EntityRef(a.getEntityType(), a.getEntityId()));
                        answers.put("sightings " + a.getEntityType() + " " + a.getEntityId(), s.map(Object::toString).orElse("none"));
                    }
                });
            }
            return answers.keySet().stream().anyMatch(k -> k.startsWith("sightings "));
        });
        return new TreeMap<>(answers);
    }

    private record Poison(String topic, String key, byte[] bytes, RejectReason reason) {
    }

    /** A bad copy of a good event (its own event id, so it would make its own sightings if it got through). */
    private static Poison poison(InJvmAlliance alliance, SimEvent e, int n) {
        String other = KnownPorts.allianceLocodes().stream().filter(p -> !p.equals(e.port())).findFirst().orElseThrow();
        int kind = n % 5;
        if (kind == 0) {
            return new Poison(e.topic(), e.key(), ("{\"eventId\":\"" + e.eventId() + "\"} is JSON, not Avro")
                    .getBytes(StandardCharsets.UTF_8), RejectReason.UNREADABLE);
        }
        if (e.event() instanceof SeizureReport s) {
            SeizureReport.Builder b = SeizureReport.newBuilder(s).setEventId(s.getEventId() + "-BAD");
            String topic = e.topic();
            RejectReason reason;
            switch (kind) {
                case 1 -> {
                    b.setContainerNumber("CSQU3054384").setVesselImo(s.getVesselImo());
                    reason = RejectReason.INVALID_CONTAINER_NUMBER;
                }
                case 2 -> {
                    b.setEventTime(Instant.now().plus(Duration.ofDays(3)));
                    reason = RejectReason.FUTURE_EVENT_TIME;
                }
                case 3 -> {
                    topic = Topics.seizures(other);
                    reason = RejectReason.PORT_MISMATCH;
                }
                default -> {
                    b.setKilograms(100_000);
                    reason = RejectReason.INVALID_VALUE;
                }
            }
            return new Poison(topic, e.key(), Topics.seizuresTopic(Topics.portOf(topic).orElseThrow(), alliance.registryClient)
                    .valueSerde().serializer().serialize(topic, b.build()), reason);
        }
        SuspiciousContainerEvent s = (SuspiciousContainerEvent) e.event();
        SuspiciousContainerEvent.Builder b = SuspiciousContainerEvent.newBuilder(s).setEventId(s.getEventId() + "-BAD");
        String topic = e.topic();
        RejectReason reason;
        switch (kind) {
            case 1 -> {
                b.setVesselImo("9074728");
                reason = RejectReason.INVALID_IMO;
            }
            case 2 -> {
                b.setEventTime(Instant.now().plus(Duration.ofDays(3)));
                reason = RejectReason.FUTURE_EVENT_TIME;
            }
            case 3 -> {
                topic = Topics.suspicious(other);
                reason = RejectReason.PORT_MISMATCH;
            }
            default -> {
                b.setLocalScore(7.5);
                reason = RejectReason.INVALID_VALUE;
            }
        }
        return new Poison(topic, e.key(), Topics.suspiciousTopic(Topics.portOf(topic).orElseThrow(), alliance.registryClient)
                .valueSerde().serializer().serialize(topic, b.build()), reason);
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
