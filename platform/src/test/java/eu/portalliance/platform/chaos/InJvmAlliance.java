package eu.portalliance.platform.chaos;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.CaseStatus;
import eu.portalliance.platform.FreePorts;
import eu.portalliance.platform.Platform;
import eu.portalliance.platform.kafka.EmbeddedKafka;
import eu.portalliance.platform.kafka.Lag;
import eu.portalliance.platform.kafka.TopicSnapshot;
import eu.portalliance.platform.kafka.ReferenceSeeder;
import eu.portalliance.platform.kafka.TopicProvisioner;
import eu.portalliance.platform.registry.RegistryServer;
import eu.portalliance.ports.PortClient;
import eu.portalliance.ports.simulation.SimEvent;
import eu.portalliance.reference.KnownPorts;
import eu.portalliance.registry.RestSchemaRegistryClient;
import eu.portalliance.topics.Topics;
import eu.portalliance.topology.AllianceConfig;
import eu.portalliance.topology.AllianceStreams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A whole alliance in this JVM — broker, registry, topology — whose parts a fault-injection test can stop and
 * start one by one on the same folders and ports.
 */
final class InJvmAlliance implements AutoCloseable {
    static final String APPLICATION = AllianceConfig.DEFAULT_APPLICATION_ID;
    private final Path dir;
    private final int kafkaPort;
    private final int controllerPort;
    private final int registryPort;
    EmbeddedKafka kafka;
    RegistryServer registry;
    AllianceStreams topology;
    final RestSchemaRegistryClient registryClient;
    private final Map<String, PortClient> ports = new HashMap<>();

    private InJvmAlliance(Path dir) throws Exception {
        this.dir = dir;
        int[] p = FreePorts.pick(3);
        kafkaPort = p[0];
        controllerPort = p[1];
        registryPort = p[2];
        startBroker();
        try (Admin admin = admin()) {
            TopicProvisioner.ensure(admin, Platform.allTopics(), (short) 1);
        }
        startRegistry();
        registryClient = new RestSchemaRegistryClient(registry.url());
        ReferenceSeeder.seedIfEmpty(bootstrap(), registryClient, Map.of());
        startTopology();
    }

    static InJvmAlliance start(Path dir) throws Exception {
        return new InJvmAlliance(dir);
    }

    String bootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    Path stateDir() {
        return dir.resolve("streams");
    }

    void startBroker() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), kafkaPort, controllerPort, Map.of());
    }

    void stopBroker() {
        kafka.close();
    }

    void startRegistry() throws Exception {
        registry = RegistryServer.start(bootstrap(), Topics.SCHEMAS, Platform.HOST, registryPort, Map.of());
    }

    void stopRegistry() {
        registry.close();
    }

    void startTopology() throws InterruptedException {
        Properties overrides = new Properties();
        overrides.put("consumer.metadata.max.age.ms", 1000);
        topology = AllianceStreams.start(AllianceConfig.builder(bootstrap(), stateDir(), "chaos-secret").replicationFactor(1).build(),
                registryClient, overrides);
        topology.awaitRunning(Duration.ofSeconds(120));
    }

    void stopTopology() {
        topology.close();
    }

    Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrap()));
    }

    /** Publishes through each port's SDK, as the port systems would; returns once every send is acknowledged. */
    void publish(List<SimEvent> events) throws Exception {
        List<Future<?>> sent = new java.util.ArrayList<>();
        for (SimEvent e : events) {
            PortClient client = ports.computeIfAbsent(e.port(), p -> new PortClient(p, Map.of("bootstrap.servers", bootstrap()),
                    registryClient));
            SpecificRecord event = e.event();
            if (event instanceof eu.portalliance.avro.SeizureReport s) {
                sent.add(client.publish(s));
            } else {
                sent.add(client.publish((eu.portalliance.avro.SuspiciousContainerEvent) event));
            }
        }
        for (Future<?> f : sent) {
            f.get();
        }
    }

    static Set<TopicPartition> inputs() {
        return Lag.portEventPartitions(KnownPorts.allianceLocodes());
    }

    void awaitCaughtUp() throws Exception {
        try (Admin admin = admin()) {
            Lag.awaitCaughtUp(admin, APPLICATION, inputs(), 300);
        }
    }

    /** What the alliance published, read committed: every (case, revision) record and how often it appears. */
    Output output() {
        var alerts = Topics.alertsTopic(registryClient);
        List<ConsumerRecord<String, Alert>> revisions;
        try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap(),
                "isolation.level", "read_committed"), new StringDeserializer(), alerts.valueSerde().deserializer())) {
            revisions = TopicSnapshot.read(consumer, alerts.name());
        }
        Map<String, Alert> latest = TopicSnapshot.latestRevisions(revisions);
        Map<String, Integer> copies = new HashMap<>();
        revisions.forEach(r -> copies.merge(r.key() + " rev " + r.value().getRevision(), 1, Integer::sum));
        Map<String, Set<String>> open = new TreeMap<>();
        latest.values().stream().filter(a -> a.getStatus() == CaseStatus.OPEN)
                .forEach(a -> open.put(a.getAlertId(), new TreeSet<>(a.getSourceEventIds())));
        int duplicated = copies.values().stream().mapToInt(n -> n - 1).sum();
        return new Output(open, duplicated, copies.size());
    }

    /** Dead letters per reason, read committed. */
    Map<String, Integer> deadLetters() {
        Map<String, Integer> perReason = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap(),
                "isolation.level", "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (ConsumerRecord<byte[], byte[]> r : TopicSnapshot.read(consumer, Topics.DLQ)) {
                Header reason = r.headers().lastHeader(Topics.DlqHeaders.REASON);
                perReason.merge(reason == null ? "(none)" : new String(reason.value(), StandardCharsets.UTF_8), 1, Integer::sum);
            }
        }
        return perReason;
    }

    /** Open cases with the events they hold; records published more than once; distinct (case, revision) records. */
    record Output(Map<String, Set<String>> openCases, int duplicatedRecords, int records) {
    }

    @Override
    public void close() {
        ports.values().forEach(PortClient::close);
        if (topology != null) {
            topology.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
