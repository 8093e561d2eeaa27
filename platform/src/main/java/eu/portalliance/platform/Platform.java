package eu.portalliance.platform;

import eu.portalliance.platform.api.AlertFeed;
import eu.portalliance.platform.api.AnalystServer;
import eu.portalliance.platform.kafka.EmbeddedKafka;
import eu.portalliance.platform.kafka.HangingTransactions;
import eu.portalliance.platform.kafka.ReferenceSeeder;
import eu.portalliance.platform.kafka.TopicProvisioner;
import eu.portalliance.platform.registry.PortSubjects;
import eu.portalliance.platform.registry.RegistryServer;
import eu.portalliance.platform.security.AccessControl;
import eu.portalliance.platform.security.BrokerSecurity;
import eu.portalliance.platform.security.Credentials;
import eu.portalliance.platform.security.LocalCa;
import eu.portalliance.platform.security.RefusedAccess;
import eu.portalliance.reference.KnownPorts;
import eu.portalliance.registry.RestSchemaRegistryClient;
import eu.portalliance.topics.TopicSpec;
import eu.portalliance.topics.Topics;
import eu.portalliance.topology.AllianceConfig;
import eu.portalliance.topology.AllianceStreams;
import eu.portalliance.topology.query.AllianceQueries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-machine alliance: a real Kafka broker, the schema registry, the alliance's topics and reference data,
 * the topology and the HTTP API, started in that order and stopped in the reverse one. With {@code secure}, every
 * client authenticates (SASL/SCRAM) and the broker enforces per-port ACLs.
 */
public final class Platform implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Platform.class);
    public static final String HOST = "127.0.0.1";

    /** Where things listen and live. */
    public record Settings(Path dataDir, int kafkaPort, int controllerPort, int registryPort, int httpPort, boolean secure,
                           int tlsPort) {
        /** The TLS listener (secure alliances only) on the Kafka port + 2. */
        public Settings(Path dataDir, int kafkaPort, int controllerPort, int registryPort, int httpPort, boolean secure) {
            this(dataDir, kafkaPort, controllerPort, registryPort, httpPort, secure, kafkaPort + 2);
        }
    }

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    /** How long the topology may take to be RUNNING: a restart after a crash restores every store from its changelog. */
    private static final Duration FIRST_START = Duration.ofMinutes(2);
    /**
     * How long transactions a crashed instance left open may take to close: Kafka Streams' transaction timeout (10 s)
     * and the coordinator's check for timed-out ones (every 10 s), with room to spare.
     */
    private static final Duration SETTLE_TRANSACTIONS = Duration.ofSeconds(60);
    /** The single-machine topology's identity in its consumer group (Kafka Streams adds the thread's number). */
    private static final String SINGLE_INSTANCE = "single-machine";
    private final Settings settings;
    private final Credentials credentials;
    // Names this broker's refusal counts apart from other brokers in the same JVM (tests).
    private final String refusalsId = UUID.randomUUID().toString();
    private EmbeddedKafka kafka;
    private RegistryServer registry;
    private AnalystServer api;
    private AllianceStreams topology;
    private int topicCount;

    private Platform(Settings settings) {
        this.settings = settings;
        this.credentials = new Credentials(settings.dataDir());
    }

    public static Platform start(Settings settings) {
        Path dataDir = Preflight.writableFolder(settings.dataDir(), "--data-dir");
        Preflight.portFree(HOST, settings.kafkaPort(), "--kafka-port");
        Preflight.portFree(HOST, settings.controllerPort(), "--controller-port");
        Preflight.portFree(HOST, settings.registryPort(), "--registry-port");
        Preflight.portFree(HOST, settings.httpPort(), "--http-port");
        if (settings.secure()) {
            Preflight.portFree(HOST, settings.tlsPort(), "--tls-port");
        }
        Platform platform = new Platform(new Settings(dataDir, settings.kafkaPort(), settings.controllerPort(),
                settings.registryPort(), settings.httpPort(), settings.secure(), settings.tlsPort()));
        try {
            platform.running.push(Preflight.lock(dataDir, "--data-dir"));
            platform.checkSecurityMatchesDataFolder();
            platform.startServices();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /** A folder formatted one way cannot be started the other: the broker's own credentials live in its log. */
    private void checkSecurityMatchesDataFolder() {
        boolean formatted = Files.exists(settings.dataDir().resolve("kafka").resolve("meta.properties"));
        boolean madeSecure = credentials.exists(Credentials.ADMIN);
        if (formatted && settings.secure() && !madeSecure) {
            throw new UserError("data folder " + settings.dataDir() + " was created without --secure: start it without "
                    + "--secure, or give --secure a new --data-dir");
        }
        if (formatted && !settings.secure() && madeSecure) {
            throw new UserError("data folder " + settings.dataDir() + " was created with --secure: add --secure");
        }
    }

    private void startServices() {
        String bootstrap = HOST + ":" + settings.kafkaPort();
        if (stoppedUncleanly(settings.dataDir().resolve("kafka"))) {
            log.warn("the last run on {} did not stop cleanly (killed or crashed): the broker recovers its logs and the "
                    + "topology rebuilds its stores from their changelogs, so this start takes longer; nothing is lost",
                    settings.dataDir());
        }
        Optional<BrokerSecurity> security = settings.secure()
                ? Optional.of(new BrokerSecurity(credentials.password(Credentials.ADMIN, bootstrap), settings.tlsPort(),
                        settings.dataDir(), new LocalCa(settings.dataDir()).ensure(), refusalsId))
                : Optional.empty();
        kafka = EmbeddedKafka.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(), settings.controllerPort(),
                Map.of(), security);
        running.push(kafka);
        try (Admin admin = Admin.create(adminConfig())) {
            List<TopicSpec> specs = allTopics();
            TopicProvisioner.ensure(admin, specs, (short) 1);
            topicCount = specs.size();
            // After a crash the broker can leave transactions open that nothing will ever close (see
            // HangingTransactions); the registry and the topology read committed, so they go first.
            HangingTransactions.abortAll(admin, SETTLE_TRANSACTIONS);
            if (settings.secure()) {
                provisionPrincipals(admin, bootstrap);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing transactions a crash left open", e);
        }
        try {
            registry = RegistryServer.start(bootstrap, Topics.SCHEMAS, HOST, settings.registryPort(), clientConfig(Credentials.REGISTRY));
            running.push(registry);
            RestSchemaRegistryClient registryClient = new RestSchemaRegistryClient(registry.url());
            ReferenceSeeder.seedIfEmpty(bootstrap, registryClient, clientConfig(Credentials.ADMIN));
            KnownPorts.allianceLocodes().forEach(locode -> PortSubjects.register(registryClient, locode));
            Properties topologyClient = new Properties();
            topologyClient.putAll(clientConfig(Credentials.TOPOLOGY));
            topologyClient.put("application.server", HOST + ":" + settings.httpPort());
            // One topology instance, the same on every start: as a static member of its group it takes its tasks back
            // at once after a kill, rather than after the dead member's session times out (45 s).
            AllianceConfig config = AllianceConfig.builder(bootstrap, settings.dataDir().resolve("streams"),
                    RedactionKey.load(settings.dataDir().resolve("redaction.key"))).instanceId(SINGLE_INSTANCE).build();
            topology = AllianceStreams.start(config, registryClient, topologyClient);
            running.push(topology);
            topology.awaitRunning(FIRST_START);
            AlertFeed feed = new AlertFeed(adminConfig(), Topics.alertsTopic(registryClient));
            running.push(feed);
            api = AnalystServer.start(HOST, settings.httpPort(),
                    AllianceQueries.of(topology.kafkaStreams(), new HostInfo(HOST, settings.httpPort()), config), feed, this::health,
                    config.surgeWindow());
            running.push(api);
        } catch (IOException e) {
            throw new UserError("cannot listen on " + HOST + " for the schema registry: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the topology", e);
        }
    }

    /**
     * Whether the broker's last run on this folder ended without its shutdown: the broker writes its clean-shutdown
     * marker as its last act and removes it when it starts.
     */
    static boolean stoppedUncleanly(Path brokerLogDir) {
        return Files.exists(brokerLogDir.resolve("meta.properties")) && !Files.exists(brokerLogDir.resolve(".kafka_cleanshutdown"));
    }

    private void provisionPrincipals(Admin admin, String bootstrap) {
        for (String principal : List.of(Credentials.TOPOLOGY, Credentials.REGISTRY)) {
            AccessControl.upsertUser(admin, principal, credentials.password(principal, bootstrap));
        }
        AccessControl.grantDefaults(admin);
        LocalCa ca = new LocalCa(settings.dataDir());
        ca.recordEndpoint(tlsBootstrap());
        for (String locode : KnownPorts.allianceLocodes()) {
            String principal = Credentials.portPrincipal(locode);
            AccessControl.upsertUser(admin, principal, credentials.password(principal, bootstrap));
            AccessControl.grantPort(admin, locode);
            credentials.writeLibrdkafkaConfig(principal, tlsBootstrap(), ca.caCertificate());
        }
        // Credentials reach the broker in the order they were made: once the last one is accepted, all are.
        String last = Credentials.portPrincipal(KnownPorts.allianceLocodes().get(KnownPorts.allianceLocodes().size() - 1));
        for (String principal : List.of(Credentials.TOPOLOGY, Credentials.REGISTRY, last)) {
            Map<String, Object> probe = new HashMap<>(clientConfig(principal));
            probe.put("bootstrap.servers", bootstrap);
            AccessControl.awaitAccepted(probe, Duration.ofSeconds(30));
        }
        log.info("secure mode: principals and ACLs for the topology, the registry and {} ports; client settings in {}",
                KnownPorts.allianceLocodes().size(), credentials.file(Credentials.ADMIN).getParent());
    }

    /** The shared topics plus every founding port's own topics. */
    public static List<TopicSpec> allTopics() {
        List<TopicSpec> specs = new ArrayList<>(Topics.allianceTopics());
        KnownPorts.allianceLocodes().forEach(locode -> specs.addAll(Topics.portTopics(locode)));
        return specs;
    }

    /** Kafka client settings that authenticate as {@code principal} (empty when not secure). */
    public Map<String, Object> clientConfig(String principal) {
        return settings.secure() ? credentials.clientConfig(principal) : Map.of();
    }

    public Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>(clientConfig(Credentials.ADMIN));
        config.put("bootstrap.servers", HOST + ":" + settings.kafkaPort());
        return config;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** Where librdkafka-based port systems connect: SASL/PLAIN inside TLS (secure alliances only). */
    public String tlsBootstrap() {
        return HOST + ":" + settings.tlsPort();
    }

    /** What the broker refused, per port (empty when not secure). */
    public Map<String, Map<String, Long>> refusedAccess() {
        return RefusedAccess.of(refusalsId).byPort();
    }

    private Map<String, Object> health() {
        Map<String, Object> health = new LinkedHashMap<>(topology.health());
        health.put("refusedAccessByPort", refusedAccess());
        health.put("kafka", kafka.bootstrapServers());
        health.put("registry", registry.url());
        health.put("secure", settings.secure());
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
        RefusedAccess.forget(refusalsId);
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
