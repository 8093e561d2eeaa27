package eu.portalliance.ports;

import eu.portalliance.avro.AlertOutcome;
import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.avro.ScanResult;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.ids.UnLocode;
import eu.portalliance.registry.SchemaRegistryClient;
import eu.portalliance.topics.Topic;
import eu.portalliance.topics.Topics;
import eu.portalliance.validation.EventChecks;
import eu.portalliance.validation.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What a port's systems use to publish: one port, typed events, validated against the alliance's own rules before
 * they leave (the same checks the topology applies), keyed for the topology, sent idempotently with acks=all.
 * Invalid events throw {@link ValidationException} and are not sent.
 */
public final class PortClient implements AutoCloseable {
    /** How far ahead of this machine's clock an event time may be (the alliance rejects more than 24 h). */
    public static final Duration MAX_FUTURE_SKEW = Duration.ofHours(24);

    private final String locode;
    private final Clock clock;
    private final KafkaProducer<String, byte[]> producer;
    private final Topic<String, SeizureReport> seizures;
    private final Topic<String, SuspiciousContainerEvent> suspicions;
    private final Topic<String, AlertOutcome> outcomes;
    private final Topic<String, ArrivalNotice> arrivals;
    private final Topic<String, ScanResult> scanResults;

    public PortClient(String locode, Map<String, Object> kafkaConfig, SchemaRegistryClient registry) {
        this(locode, kafkaConfig, registry, Clock.systemUTC());
    }

    public PortClient(String locode, Map<String, Object> kafkaConfig, SchemaRegistryClient registry, Clock clock) {
        UnLocode.problem(locode).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        this.locode = locode;
        this.clock = clock;
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "port-" + locode);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.seizures = Topics.seizuresTopic(locode, registry);
        this.suspicions = Topics.suspiciousTopic(locode, registry);
        this.outcomes = Topics.alertOutcomesTopic(locode, registry);
        this.arrivals = Topics.arrivalsTopic(locode, registry);
        this.scanResults = Topics.scanResultsTopic(locode, registry);
    }

    public String port() {
        return locode;
    }

    /** Keyed by container number, or by the vessel's IMO when no container was involved. */
    public static String keyOf(SeizureReport s) {
        return s.getContainerNumber() != null ? s.getContainerNumber() : s.getVesselImo();
    }

    /** Keyed by the identifier of what the event is about. */
    public static String keyOf(SuspiciousContainerEvent e) {
        return switch (e.getSubjectType()) {
            case VESSEL -> e.getVesselImo();
            case BILL_OF_LADING -> e.getBillOfLading();
            case PARTY -> e.getParty().getEori() != null ? e.getParty().getEori() : e.getParty().getName();
            default -> e.getContainerNumber();
        };
    }

    public Future<RecordMetadata> publish(SeizureReport s) {
        EventChecks.seizure(s, locode, clock.millis(), MAX_FUTURE_SKEW);
        return send(seizures, keyOf(s), s);
    }

    public Future<RecordMetadata> publish(SuspiciousContainerEvent e) {
        EventChecks.suspicion(e, locode, clock.millis(), MAX_FUTURE_SKEW);
        return send(suspicions, keyOf(e), e);
    }

    /**
     * A pre-arrival notice, keyed by container: the alliance screens it and answers on the port's
     * scan-recommendations topic. A vessel call is one notice per container, sent in a burst; flush once at the end.
     */
    public Future<RecordMetadata> publish(ArrivalNotice a) {
        EventChecks.arrival(a, locode, clock.millis(), MAX_FUTURE_SKEW);
        return send(arrivals, a.getContainerNumber(), a);
    }

    /**
     * What the port's check of a recommended container found, keyed by the recommendation: copy the profile version,
     * criteria and control pick from the recommendation so the alliance can weigh each criterion by its hit rate.
     */
    public Future<RecordMetadata> report(ScanResult r) {
        EventChecks.scanResult(r, locode, clock.millis(), MAX_FUTURE_SKEW);
        return send(scanResults, r.getRecommendationId(), r);
    }

    public Future<RecordMetadata> report(AlertOutcome o) {
        EventChecks.outcome(o, locode, clock.millis(), MAX_FUTURE_SKEW);
        return send(outcomes, o.getAlertId(), o);
    }

    private <V> Future<RecordMetadata> send(Topic<String, V> topic, String key, V value) {
        // Serialized here, not in the producer, so a registry problem surfaces on this call, not on a later one.
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        return producer.send(new ProducerRecord<>(topic.name(), key, bytes));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
