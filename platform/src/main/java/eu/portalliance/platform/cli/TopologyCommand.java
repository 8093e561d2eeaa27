package eu.portalliance.platform.cli;

import eu.portalliance.platform.LogFile;
import eu.portalliance.platform.Preflight;
import eu.portalliance.platform.RedactionKey;
import eu.portalliance.platform.api.AlertFeed;
import eu.portalliance.platform.api.AnalystServer;
import eu.portalliance.platform.UserError;
import eu.portalliance.registry.RegistryException;
import eu.portalliance.registry.RestSchemaRegistryClient;
import eu.portalliance.topics.TopicSpec;
import eu.portalliance.topics.Topics;
import eu.portalliance.topology.AllianceConfig;
import eu.portalliance.topology.AllianceStreams;
import eu.portalliance.topology.StoreOptions;
import eu.portalliance.topology.query.AllianceQueries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.state.HostInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "topology", mixinStandardHelpOptions = true,
        description = "Run one instance of the alliance topology against any Kafka cluster. Instances started with "
                + "the same --application-id share the partitions; when one stops, the others take over.")
final class TopologyCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", required = true, description = "Kafka bootstrap servers, HOST:PORT[,HOST:PORT…].")
    String bootstrap;

    @Option(names = "--registry", required = true, description = "Confluent-compatible schema registry URL.")
    String registryUrl;

    @Option(names = "--state-dir", defaultValue = "./data/streams", description = "Local state folder (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--application-id", defaultValue = AllianceConfig.DEFAULT_APPLICATION_ID,
            description = "Kafka Streams application id; instances that share it share the work (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads in this instance (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--replication-factor", defaultValue = "3",
            description = "Replication of internal topics; 3 on a production cluster, 1 on a single broker (default: ${DEFAULT-VALUE}).")
    int replicationFactor;

    @Option(names = "--redaction-key-file", defaultValue = "./data/redaction.key",
            description = "Secret behind party references; every instance needs the same one. "
                    + "ALLIANCE_REDACTION_KEY overrides it (default: ${DEFAULT-VALUE}, created if missing).")
    Path redactionKeyFile;

    @Option(names = "--http-port", defaultValue = "8080", description = "Port of this instance's analyst API and dashboard (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--advertised-host", defaultValue = "127.0.0.1",
            description = "Host name the other instances use to reach this one's API (default: ${DEFAULT-VALUE}).")
    String advertisedHost;

    @Option(names = "--standby-replicas", defaultValue = "1",
            description = "Warm copies of each task's state on other instances, so failover does not rebuild from scratch (default: ${DEFAULT-VALUE}).")
    int standbys;

    @Option(names = "--instance-id", description = "This instance's name in the group, kept across restarts and unique "
            + "among the instances (e.g. its host name): restarted, it takes its own tasks back at once. Without it "
            + "the instance is a new member on every start.")
    String instanceId;

    @Option(names = "--client-config", description = "Kafka client properties file (e.g. the topology principal's on a secure cluster).")
    Path clientConfig;

    @Option(names = "--config", description = "Any Kafka Streams setting, KEY=VALUE; repeat for several "
            + "(e.g. consumer.session.timeout.ms=10000).")
    Map<String, String> streamsSettings = new java.util.LinkedHashMap<>();

    /** What Kafka accepts in a group instance id, leaving room for the thread number Kafka Streams adds. */
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    @Override
    public Integer call() throws InterruptedException {
        if (instanceId != null && !INSTANCE_ID.matcher(instanceId).matches()) {
            throw new UserError("--instance-id '" + instanceId + "': use letters, digits, '.', '_' and '-' only, at most 200 "
                    + "characters (e.g. the host name)");
        }
        try {
            StoreOptions.cacheBytes(streamsSettings);
        } catch (IllegalArgumentException e) {
            throw new UserError("--config " + e.getMessage());
        }
        LogFile.under(stateDir.toAbsolutePath().normalize().getParent());
        RestSchemaRegistryClient registry = new RestSchemaRegistryClient(registryUrl);
        try {
            registry.subjects();
        } catch (RegistryException e) {
            throw new UserError("cannot use the schema registry at " + registryUrl + ": " + e.getMessage());
        }
        Preflight.answering(bootstrap, "--bootstrap", "check the address and that the brokers are up");
        requireTopics();
        AllianceConfig config = AllianceConfig.builder(bootstrap, stateDir, RedactionKey.load(redactionKeyFile))
                .applicationId(applicationId).replicationFactor(replicationFactor).streamThreads(threads)
                .standbyReplicas(standbys).instanceId(instanceId).build();
        Preflight.portFree("0.0.0.0", httpPort, "--http-port");
        Properties overrides = new Properties();
        overrides.putAll(clientSettings());
        overrides.put("application.server", advertisedHost + ":" + httpPort);
        overrides.putAll(streamsSettings);
        AllianceStreams streams = AllianceStreams.start(config, registry, overrides);
        AnalystServer api;
        AlertFeed feed = new AlertFeed(kafkaConfig(), Topics.alertsTopic(registry));
        try {
            api = AnalystServer.start("0.0.0.0", httpPort, AllianceQueries.of(streams.kafkaStreams(),
                    new HostInfo(advertisedHost, httpPort), config), feed, streams::health, config.surgeWindow());
        } catch (UserError e) {
            feed.close();
            streams.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            feed.close();
            streams.close();
            System.out.println("Topology instance stopped.");
            stopped.countDown();
        }, "topology-shutdown"));
        streams.awaitRunning(Duration.ofMinutes(5));
        System.out.printf("Topology instance RUNNING (application %s, %d thread(s), state in %s), API at %s. Ctrl-C to stop.%n",
                applicationId, threads, stateDir.toAbsolutePath(), api.url());
        stopped.await();
        return 0;
    }

    private Map<String, Object> clientSettings() {
        return ClientOptions.readClientConfig(clientConfig);
    }

    private Map<String, Object> kafkaConfig() {
        Map<String, Object> config = new java.util.HashMap<>(clientSettings());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return config;
    }

    private void requireTopics() {
        Map<String, Object> config = kafkaConfig();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(20, TimeUnit.SECONDS);
            List<String> missing = Topics.allianceTopics().stream().map(TopicSpec::name).filter(t -> !existing.contains(t)).toList();
            if (!missing.isEmpty()) {
                throw new UserError("the cluster at " + bootstrap + " lacks " + missing
                        + ": create the alliance topics first (docker/'s init job does, or bin/alliance up on one machine)");
            }
        } catch (UserError e) {
            throw e;
        } catch (Exception e) {
            throw new UserError("cannot reach Kafka at " + bootstrap + " (" + e.getClass().getSimpleName()
                    + "): check --bootstrap and that the brokers are up");
        }
    }
}
