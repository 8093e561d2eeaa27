package eu.portalliance.platform.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.platform.kafka.TopicSnapshot;
import eu.portalliance.platform.security.PythonPort;
import eu.portalliance.ports.simulation.SimEvent;
import eu.portalliance.registry.RegistryException;
import eu.portalliance.serde.WireFormat;
import eu.portalliance.ports.simulation.Simulator;
import eu.portalliance.reference.KnownPorts;
import eu.portalliance.topics.Topics;
import eu.portalliance.validation.RejectReason;
import eu.portalliance.topology.query.AllianceQueries;
import eu.portalliance.topology.query.EntityRef;
import eu.portalliance.topology.query.EntitySightings;
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
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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
    /** bin/test --chaos (the README's table) sends 6,000 events per row; bin/test 4,000, for the suite's time budget. */
    private static final int EVENTS = Integer.getInteger("alliance.chaos.events", 4_000);
    static final String FLOOD_SECONDS_PROPERTY = "alliance.chaos.flood-seconds";
    private static final int FLOOD_RATE = 5_000;
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

    /**
     * 10 % bad records among good ones. {@code bin/test} sends the input once at full speed; {@code bin/test --chaos}
     * ({@value #FLOOD_SECONDS_PROPERTY}=60) streams 5,000 records/s for a minute, the input first and then replays
     * of it, which must change no case.
     */
    @Test
    void aPoisonFloodLandsInTheDlqExactlyAndChangesNoCase() throws Exception {
        int seconds = Integer.getInteger(FLOOD_SECONDS_PROPERTY, 0);
        int total = seconds > 0 ? FLOOD_RATE * seconds : EVENTS + (EVENTS + 8) / 9;
        try (InJvmAlliance alliance = InJvmAlliance.start(dir);
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", alliance.bootstrap(),
                     "acks", "all", "enable.idempotence", true, "linger.ms", 5), new StringSerializer(), new ByteArraySerializer())) {
            List<ProducerRecord<String, byte[]>> good = input.stream().map(e -> serialized(alliance, e)).toList();
            List<Poisons.Poison> bad = new ArrayList<>();
            for (int i = 0; i < input.size(); i += 9) {
                bad.add(Poisons.of(alliance, input.get(i), i / 9));
            }
            Map<String, Integer> planted = new TreeMap<>();
            int goodSent = 0;
            long started = System.nanoTime();
            for (int n = 0; n < total; n++) {
                if (seconds > 0) {
                    // paced like a port system's steady stream, not a burst
                    long due = started + n * 1_000_000_000L / FLOOD_RATE;
                    LockSupport.parkNanos(due - System.nanoTime());
                }
                if (n % 10 == 0) {
                    Poisons.Poison p = bad.get((n / 10) % bad.size());
                    raw.send(new ProducerRecord<>(p.topic(), p.key(), p.bytes()));
                    planted.merge(p.reason().name(), 1, Integer::sum);
                } else {
                    raw.send(good.get(goodSent++ % good.size()));
                }
            }
            raw.flush();
            double rate = total / ((System.nanoTime() - started) / 1e9);
            alliance.awaitCaughtUp();

            assertThat(goodSent).as("every input event sent at least once").isGreaterThanOrEqualTo(EVENTS);
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
            String fault = seconds > 0
                    ? String.format("poison flood: 10 %% bad records, %,d records in %d s (%,.0f/s), input then replays", total, seconds, rate)
                    : "poison flood: 10 % unreadable or invalid records";
            assertSameAsReference(fault, goodSent, alliance, planted.values().stream().mapToInt(Integer::intValue).sum(), planted);
        }
    }

    /**
     * Absurd records among the input: each refused with its reason while the good ones correlate as before; a 5 MB
     * record is refused by Kafka itself before it is written.
     */
    @Test
    void boundedInputIsRefusedWithItsReasonAndChangesNoCase() throws Exception {
        try (InJvmAlliance alliance = InJvmAlliance.start(dir);
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", alliance.bootstrap(),
                     "acks", "all", "enable.idempotence", true), new StringSerializer(), new ByteArraySerializer())) {
            List<SeizureReport> seizures = input.stream().filter(e -> e.event() instanceof SeizureReport)
                    .map(e -> (SeizureReport) e.event()).limit(50).toList();
            Map<String, Integer> planted = new TreeMap<>();
            int n = 0;
            for (SeizureReport s : seizures) {
                SeizureReport.Builder b = SeizureReport.newBuilder(s).setEventId(s.getEventId() + "-ABSURD");
                RejectReason reason = switch (n++ % 6) {
                    case 0 -> {
                        b.setNextPortsOfCall(java.util.Collections.nCopies(10_000, "NLRTM"));
                        yield RejectReason.TOO_LARGE;
                    }
                    case 1 -> {
                        b.setNote("x".repeat(900_000));
                        yield RejectReason.TOO_LARGE;
                    }
                    case 2 -> {
                        b.setKilograms(100_000);
                        yield RejectReason.INVALID_VALUE;
                    }
                    case 3 -> {
                        b.setKilograms(-5);
                        yield RejectReason.INVALID_VALUE;
                    }
                    case 4 -> {
                        b.setEventTime(Instant.parse("1999-06-01T00:00:00Z"));
                        yield RejectReason.STALE_EVENT_TIME;
                    }
                    default -> {
                        b.setEventTime(Instant.now().plus(Duration.ofDays(400)));
                        yield RejectReason.FUTURE_EVENT_TIME;
                    }
                };
                String topic = Topics.seizures(s.getReportingPort());
                raw.send(new ProducerRecord<>(topic, s.getContainerNumber(), Topics.seizuresTopic(s.getReportingPort(),
                        alliance.registryClient).valueSerde().serializer().serialize(topic, b.build())));
                planted.merge(reason.name(), 1, Integer::sum);
            }
            SeizureReport first = seizures.get(0);
            String topic = Topics.seizures(first.getReportingPort());
            byte[] fiveMegabytes = Topics.seizuresTopic(first.getReportingPort(), alliance.registryClient).valueSerde().serializer()
                    .serialize(topic, SeizureReport.newBuilder(first).setEventId("FIVE-MB").setNote("x".repeat(5_000_000)).build());
            assertThatThrownBy(() -> raw.send(new ProducerRecord<>(topic, "k", fiveMegabytes)).get())
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.RecordTooLargeException.class);
            raw.flush();
            alliance.publish(input);
            alliance.awaitCaughtUp();
            assertSameAsReference("bounded input: 10,000 next ports, 900 KB note, 100 t, -5 kg, 1999, +400 days; 5 MB refused by Kafka",
                    alliance, seizures.size(), planted);
        }
    }

    private static ProducerRecord<String, byte[]> serialized(InJvmAlliance alliance, SimEvent e) {
        String port = e.port();
        byte[] bytes = e.event() instanceof SeizureReport s
                ? Topics.seizuresTopic(port, alliance.registryClient).valueSerde().serializer().serialize(e.topic(), s)
                : Topics.suspiciousTopic(port, alliance.registryClient).valueSerde().serializer()
                        .serialize(e.topic(), (SuspiciousContainerEvent) e.event());
        return new ProducerRecord<>(e.topic(), e.key(), bytes);
    }

    @Test
    void aPortOnSeizureReportV2AmongPortsOnV1() throws Exception {
        String port = "NLRTM";
        String topic = Topics.seizures(port);
        String subject = WireFormat.subject(topic, false);
        List<SimEvent> own = input.stream().filter(e -> e.topic().equals(topic)).toList();
        // The port upgrades halfway through: its first seizures go out as v1 through the SDK, the rest as v2.
        Set<SimEvent> asV2 = new java.util.HashSet<>(own.subList(own.size() / 2, own.size()));
        try (InJvmAlliance alliance = InJvmAlliance.start(dir);
             KafkaProducer<String, byte[]> v2Producer = new KafkaProducer<>(Map.of("bootstrap.servers", alliance.bootstrap(),
                     "acks", "all", "enable.idempotence", true), new StringSerializer(), new ByteArraySerializer())) {
            List<SimEvent> v1 = input.stream().filter(e -> !asV2.contains(e)).toList();
            alliance.publish(v1.subList(0, v1.size() / 2));
            int v2Id = alliance.registryClient.register(subject, EvolvedSeizure.V2);
            for (SimEvent e : asV2) {
                v2Producer.send(new ProducerRecord<>(topic, e.key(), EvolvedSeizure.v2((SeizureReport) e.event(), v2Id)));
            }
            v2Producer.flush();
            alliance.publish(v1.subList(v1.size() / 2, v1.size()));
            alliance.awaitCaughtUp();

            // An incompatible v3 is refused by the registry, for Java and Python producers alike.
            assertThatThrownBy(() -> alliance.registryClient.register(subject, EvolvedSeizure.V3))
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(409));
            Path settings = dir.resolve("python.properties");
            Files.writeString(settings, "bootstrap.servers=" + alliance.bootstrap() + "\n");
            Path v3File = dir.resolve("seizure-v3.avsc");
            Files.writeString(v3File, EvolvedSeizure.V3.toString());
            PythonPort.Run refused = PythonPort.run("publish", "--config", settings.toString(), "--registry",
                    alliance.registry.url(), "--port", port, "--schema", v3File.toString(), "--events", v3Events(dir).toString());
            assertThat(refused.code()).isEqualTo(2);
            assertThat(refused.err()).startsWith("alliance-port: the registry refused the schema for " + subject);

            // The alliance's deserializer (the topology's and the SDK's) and Confluent's Python client read both versions.
            var deserializer = Topics.seizuresTopic(port, alliance.registryClient).valueSerde().deserializer();
            List<ConsumerRecord<byte[], byte[]>> records;
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", alliance.bootstrap()),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                records = TopicSnapshot.read(consumer, topic);
            }
            assertThat(records).hasSize(own.size());
            assertThat(records.stream().map(r -> deserializer.deserialize(topic, r.value()).getEventId()).toList())
                    .containsExactlyInAnyOrderElementsOf(own.stream().map(SimEvent::eventId).toList());
            PythonPort.Run read = PythonPort.run("read", "--config", settings.toString(), "--registry", alliance.registry.url(),
                    "--topic", topic, "--idle", "3");
            assertThat(read.code()).as(read.err()).isZero();
            List<String> lines = read.out().lines().toList();
            assertThat(lines).hasSize(own.size());
            assertThat(lines.stream().filter(l -> l.contains("\"" + EvolvedSeizure.SEAL + "\": \"SEAL-")).count())
                    .as("records written with v2, read with their seal number").isEqualTo(asV2.size());

            assertSameAsReference("a port on SeizureReport v2 among ports on v1 (v3 refused)", alliance, 0, Map.of());
        }
    }

    /** One seizure in the JSON the Python port system takes, with the field v3 adds. */
    private static Path v3Events(Path dir) throws Exception {
        Path events = dir.resolve("v3-events.json");
        String template = new String(FaultInjectionTest.class.getResourceAsStream("/python/esalg-seizure.json").readAllBytes(),
                StandardCharsets.UTF_8);
        Files.writeString(events, template.replace("\"note\":", "\"inspectorBadge\": \"B-17\", \"note\":"));
        return events;
    }

    private void assertSameAsReference(String fault, InJvmAlliance alliance, int bad, Map<String, Integer> expectedDlq) {
        assertSameAsReference(fault, EVENTS, alliance, bad, expectedDlq);
    }

    private void assertSameAsReference(String fault, int events, InJvmAlliance alliance, int bad, Map<String, Integer> expectedDlq) {
        InJvmAlliance.Output out = alliance.output();
        Map<String, Integer> dlq = alliance.deadLetters();
        FaultTable.add(fault, events, bad, reference, out, dlq, expectedDlq);
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

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
