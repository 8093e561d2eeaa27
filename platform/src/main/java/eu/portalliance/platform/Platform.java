package eu.portalliance.platform;

import eu.portalliance.platform.http.ApiServer;
import eu.portalliance.platform.kafka.EmbeddedKafka;
import eu.portalliance.platform.kafka.ReferenceSeeder;
import eu.portalliance.platform.kafka.TopicProvisioner;
import eu.portalliance.platform.registry.RegistryServer;
import eu.portalliance.reference.KnownPorts;
import eu.portalliance.registry.RestSchemaRegistryClient;
import eu.portalliance.topology.AllianceConfig;
import eu.portalliance.topology.AllianceStreams;
import eu.portalliance.topics.TopicSpec;
import eu.portalliance.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-machine alliance: a real Kafka broker, the schema registry, the alliance's topics and reference data,
 * the topology and the HTTP API, started in that order and stopped in the reverse one.
 */
public final class Platform implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Platform.class);
    public static final String HOST = "127.0.0.1";

    /** Where things listen and live. */
    public record Settings(Path dataDir, int kafkaPort, int controllerPort, int registryPort, int httpPort) {
    }

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Settings settings;
    private EmbeddedKafka kafka;
    private RegistryServer registry;
    private ApiServer api;
    private AllianceStreams topology;
    private int topicCount;

    private Platform(Settings settings) {
        this.settings = settings;
    }

    public static Platform start(Settings settings) {
        Path dataDir = Preflight.writableFolder(settings.dataDir(), "--data-dir");
        Preflight.portFree(HOST, settings.kafkaPort(), "--kafka-port");
        Preflight.portFree(HOST, settings.controllerPort(), "--controller-port");
        Preflight.portFree(HOST, settings.registryPort(), "--registry-port");
        Preflight.portFree(HOST, settings.httpPort(), "--http-port");
        Platform platform = new Platform(new Settings(dataDir, settings.kafkaPort(), settings.controllerPort(),
                settings.registryPort(), settings.httpPort()));
        try {
            platform.running.push(Preflight.lock(dataDir, "--data-dir"));
            platform.startServices();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startServices() {
        kafka = EmbeddedKafka.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(), settings.controllerPort(), Map.of());
        running.push(kafka);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            List<TopicSpec> specs = allTopics();
            TopicProvisioner.ensure(admin, specs, (short) 1);
            topicCount = specs.size();
        }
        try {
            registry = RegistryServer.start(kafka.bootstrapServers(), Topics.SCHEMAS, HOST, settings.registryPort(), Map.of());
            running.push(registry);
            RestSchemaRegistryClient registryClient = new RestSchemaRegistryClient(registry.url());
            ReferenceSeeder.seedIfEmpty(kafka.bootstrapServers(), registryClient);
            topology = AllianceStreams.start(AllianceConfig.defaults(kafka.bootstrapServers(),
                    settings.dataDir().resolve("streams"), RedactionKey.load(settings.dataDir().resolve("redaction.key"))),
                    registryClient, new Properties());
            running.push(topology);
            topology.awaitRunning(Duration.ofSeconds(120));
            api = ApiServer.start(HOST, settings.httpPort(), this::health);
            running.push(api);
        } catch (java.io.IOException e) {
            throw new UserError("cannot listen on " + HOST + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the topology", e);
        }
    }

    /** The shared topics plus every founding port's own topics. */
    public static List<TopicSpec> allTopics() {
        List<TopicSpec> specs = new ArrayList<>(Topics.allianceTopics());
        KnownPorts.allianceLocodes().forEach(locode -> specs.addAll(Topics.portTopics(locode)));
        return specs;
    }

    private Map<String, Object> health() {
        Map<String, Object> health = new java.util.LinkedHashMap<>();
        health.put("status", topology.kafkaStreams().state().isRunningOrRebalancing() ? "UP" : "DEGRADED");
        health.put("kafka", kafka.bootstrapServers());
        health.put("registry", registry.url());
        health.put("topology", topology.kafkaStreams().state().name());
        health.put("rejected", topology.rejects().snapshot());
        return health;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    public String apiUrl() {
        return api.url();
    }

    public AllianceStreams topology() {
        return topology;
    }

    public Settings settings() {
        return settings;
    }

    public int topicCount() {
        return topicCount;
    }

    @Override
    public synchronized void close() {
        while (!running.isEmpty()) {
            AutoCloseable next = running.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("error while stopping {}: {}", next.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
