package eu.portalliance.topology;

import eu.portalliance.avro.Alert;
import eu.portalliance.registry.SchemaRegistryClient;
import eu.portalliance.serde.WireFormat;
import eu.portalliance.topics.Topics;
import eu.portalliance.topology.ingest.RejectCounter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running instance of the alliance topology. Several instances with one application id share the work. */
public final class AllianceStreams implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AllianceStreams.class);

    private final KafkaStreams streams;
    private final RejectCounter rejects;

    private AllianceStreams(KafkaStreams streams, RejectCounter rejects) {
        this.streams = streams;
        this.rejects = rejects;
    }

    public static AllianceStreams start(AllianceConfig config, SchemaRegistryClient registry, Properties overrides) {
        RejectCounter rejects = new RejectCounter();
        Properties props = AllianceStreamsConfig.streamsConfig(config, rejects);
        props.putAll(overrides);
        StoreOptions.cacheBytes(props);
        Topology topology = AllianceTopology.build(config, registry);
        registerRecipientSubjects(props, registry);
        KafkaStreams streams = new KafkaStreams(topology, props);
        // A failed thread is replaced: its tasks restart from the last committed state (exactly-once), so one
        // unexpected error never stops the whole alliance.
        streams.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> log.info("topology {} → {}", before, now));
        streams.start();
        return new AllianceStreams(streams, rejects);
    }

    /**
     * Alerts go to each recipient's own topic, chosen per record; the subject of every such topic that exists now is
     * registered before the topology runs, so no delivery waits on the registry inside a transaction. (A port admitted
     * later has its subject registered by {@code port add}.)
     */
    private static void registerRecipientSubjects(Properties streamsProps, SchemaRegistryClient registry) {
        Map<String, Object> admin = new HashMap<>();
        streamsProps.stringPropertyNames().stream().filter(k -> AdminClientConfig.configNames().contains(k))
                .forEach(k -> admin.put(k, streamsProps.get(k)));
        try (Admin client = Admin.create(admin)) {
            for (String topic : client.listTopics().names().get(30, TimeUnit.SECONDS)) {
                if (Topics.isRecipientAlertsTopic(topic)) {
                    registry.register(WireFormat.subject(topic, false), Alert.getClassSchema());
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the cluster's topics to register alert subjects: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while registering alert subjects", e);
        }
    }

    /** Waits until the instance is RUNNING (it has its partitions and restored its state). */
    public void awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException("topology stopped while starting: " + streams.state());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topology not RUNNING after " + timeout + " (state " + streams.state() + ")");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    public KafkaStreams kafkaStreams() {
        return streams;
    }

    /** What /api/health reports about this instance's topology. */
    public java.util.Map<String, Object> health() {
        java.util.Map<String, Object> health = new java.util.LinkedHashMap<>();
        health.put("status", streams.state().isRunningOrRebalancing() ? "UP" : "DEGRADED");
        health.put("topology", streams.state().name());
        health.put("rejected", rejects.snapshot());
        health.put("rejectedByPort", rejects.byPort());
        return health;
    }

    public RejectCounter rejects() {
        return rejects;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        rejects.close();
    }
}
