package eu.portalliance.platform.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import eu.portalliance.platform.security.BrokerSecurity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker and KRaft controller in one process (the broker jar itself, not a fake), with its log
 * in a folder that survives restarts. Settings are the ones a single node needs for transactions (exactly-once).
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String CONTROLLER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final String bootstrap;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrap) {
        this.server = server;
        this.bootstrap = bootstrap;
    }

    /**
     * Starts a broker on 127.0.0.1:{@code port} with its controller on {@code controllerPort}, formatting
     * {@code logDir} on first use. {@code extra} overrides or adds broker settings (security, say).
     */
    public static EmbeddedKafka start(Path logDir, int port, int controllerPort, Map<String, String> extra) {
        return start(logDir, port, controllerPort, extra, Optional.empty());
    }

    /** As above; with {@code security}, clients must authenticate and the broker enforces ACLs. */
    public static EmbeddedKafka start(Path logDir, int port, int controllerPort, Map<String, String> extra,
                                      Optional<BrokerSecurity> security) {
        String listener = security.isPresent() ? BrokerSecurity.LISTENER : "PLAINTEXT";
        Map<String, String> props = new LinkedHashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        String extraListeners = security.map(sec -> "," + sec.extraListeners("127.0.0.1")).orElse("");
        props.put("listeners", listener + "://127.0.0.1:" + port + extraListeners + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", listener + "://127.0.0.1:" + port + extraListeners);
        props.put("controller.listener.names", CONTROLLER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "false");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.retention.check.interval.ms", "60000");
        // A transaction's first record to a partition waits until the previous transaction's markers are written.
        // The broker waits for that itself for at most 100 ms by default, then answers CONCURRENT_TRANSACTIONS; the
        // producer's retries then arrive out of order (OutOfOrderSequenceException, retried again). Kafka Streams
        // commits every 100 ms and on two busy cores the markers often take longer: wait on the broker instead.
        props.put("add.partitions.to.txn.retry.backoff.max.ms", "3000");
        // The log cleaner's map of the keys it is compacting is a heap array held for the broker's whole life, 128 MiB
        // by default: a third of what the bench JVM keeps live, where broker, registry and topology share one heap.
        // 16 MiB maps about 600,000 keys per pass; a larger backlog is compacted over more passes.
        props.put("log.cleaner.dedupe.buffer.size", Long.toString(16L << 20));
        security.ifPresent(sec -> props.putAll(sec.brokerSettings()));
        props.putAll(extra);

        Properties properties = new Properties();
        properties.putAll(props);
        KafkaConfig config = KafkaConfig.fromProps(properties, false);
        try {
            Files.createDirectories(logDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(logDir, security.map(BrokerSecurity::scramAtFormat).orElse(List.of()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the broker's log folder " + logDir + ": " + e.getMessage(), e);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        long started = System.nanoTime();
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        log.info("Kafka broker up on 127.0.0.1:{} (controller {}) in {} ms, log in {}", port, controllerPort,
                (System.nanoTime() - started) / 1_000_000, logDir);
        return new EmbeddedKafka(server, "127.0.0.1:" + port);
    }

    private static void format(Path logDir, List<String> scram) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(print)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .addDirectory(logDir.toAbsolutePath().toString())
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName(CONTROLLER)
                    .setScramArguments(scram)
                    .run();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("formatting " + logDir + " failed: " + e.getMessage() + " " + out, e);
        }
        log.debug("formatted {}: {}", logDir, out);
    }

    public String bootstrapServers() {
        return bootstrap;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka broker stopped");
    }
}
