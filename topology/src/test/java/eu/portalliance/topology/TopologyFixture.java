package eu.portalliance.topology;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertDelivery;
import eu.portalliance.avro.AlertOutcome;
import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.avro.ScanRecommendation;
import eu.portalliance.avro.ScanResult;
import eu.portalliance.avro.ScreeningPrecision;
import eu.portalliance.avro.ScreeningProfile;
import eu.portalliance.avro.PortInfo;
import eu.portalliance.avro.RulePrecision;
import eu.portalliance.avro.Subscription;
import eu.portalliance.avro.RiskLevel;
import eu.portalliance.avro.RiskOrigin;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.reference.KnownPorts;
import eu.portalliance.registry.InMemorySchemaRegistry;
import eu.portalliance.serde.AvroSerde;
import eu.portalliance.topics.Topics;
import eu.portalliance.topology.ingest.RejectCounter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The alliance topology in a TopologyTestDriver: deterministic, wall-clock free, no broker. */
public final class TopologyFixture implements AutoCloseable {
    /** The driver's wall clock: well after the test events, so none of them is "in the future". */
    public static final Instant WALL_CLOCK = Instant.parse("2025-01-01T00:00:00Z");

    public final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    public final RejectCounter rejects = new RejectCounter();
    public final TopologyTestDriver driver;
    public final TestOutputTopic<String, Alert> alerts;
    public final TestOutputTopic<byte[], byte[]> dlq;
    private final AvroSerde<SeizureReport> seizureSerde = AvroSerde.value(registry, SeizureReport.class);
    private final AvroSerde<SuspiciousContainerEvent> suspicionSerde = AvroSerde.value(registry, SuspiciousContainerEvent.class);
    private final AvroSerde<RiskOrigin> riskSerde = AvroSerde.value(registry, RiskOrigin.class);
    private final AvroSerde<Subscription> subscriptionSerde = AvroSerde.value(registry, Subscription.class);
    private final AvroSerde<PortInfo> portSerde = AvroSerde.value(registry, PortInfo.class);
    private final AvroSerde<AlertOutcome> outcomeSerde = AvroSerde.value(registry, AlertOutcome.class);
    private final AvroSerde<Alert> alertSerde = AvroSerde.value(registry, Alert.class);

    public TopologyFixture(AllianceConfig config) {
        this(config, new Properties());
    }

    public TopologyFixture(AllianceConfig config, Properties overrides) {
        Properties props = AllianceStreamsConfig.streamsConfig(config, rejects);
        props.putAll(overrides);
        driver = new TopologyTestDriver(AllianceTopology.build(config, registry), props, WALL_CLOCK);
        alerts = driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(), AvroSerde.value(registry, Alert.class).deserializer());
        dlq = driver.createOutputTopic(Topics.DLQ, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        // The founding ports, as bin/alliance up seeds them: members, and which of them are neighbours.
        KnownPorts.ALLIANCE.forEach(p -> port(p.toAvro()));
    }

    public static AllianceConfig config(Path stateDir) {
        return AllianceConfig.builder("unused:9092", stateDir, "test-redaction-secret").build();
    }

    public void seizure(String topicPort, SeizureReport s) {
        driver.createInputTopic(Topics.seizures(topicPort), new StringSerializer(), seizureSerde.serializer())
                .pipeInput(s.getContainerNumber(), s);
    }

    public void seizure(SeizureReport s) {
        seizure(s.getReportingPort(), s);
    }

    public void suspicion(SuspiciousContainerEvent e) {
        driver.createInputTopic(Topics.suspicious(e.getReportingPort()), new StringSerializer(), suspicionSerde.serializer())
                .pipeInput(e.getContainerNumber(), e);
    }

    public TestInputTopic<String, byte[]> rawSeizures(String port) {
        return driver.createInputTopic(Topics.seizures(port), new StringSerializer(), new ByteArraySerializer());
    }

    public byte[] bytesOf(String port, SeizureReport s) {
        return seizureSerde.serializer().serialize(Topics.seizures(port), s);
    }

    public void riskOrigin(String code, RiskLevel level, Instant validFrom) {
        RiskOrigin r = RiskOrigin.newBuilder().setCode(code).setLevel(level).setValidFrom(validFrom).build();
        driver.createInputTopic(Topics.RISK_ORIGINS, new StringSerializer(), riskSerde.serializer())
                .pipeInput(new TestRecord<>(code, r, validFrom));
    }

    public void subscription(Subscription s) {
        driver.createInputTopic(Topics.SUBSCRIPTIONS, new StringSerializer(), subscriptionSerde.serializer())
                .pipeInput(s.getSubscriberId(), s);
    }

    public void port(PortInfo p) {
        driver.createInputTopic(Topics.PORTS, new StringSerializer(), portSerde.serializer()).pipeInput(p.getLocode(), p);
    }

    public void outcome(AlertOutcome o) {
        driver.createInputTopic(Topics.alertOutcomes(o.getPort()), new StringSerializer(), outcomeSerde.serializer())
                .pipeInput(o.getAlertId(), o);
    }

    public void arrival(ArrivalNotice a) {
        driver.createInputTopic(Topics.arrivals(a.getReportingPort()), new StringSerializer(),
                AvroSerde.value(registry, ArrivalNotice.class).serializer()).pipeInput(a.getContainerNumber(), a);
    }

    public void screeningProfile(ScreeningProfile p) {
        driver.createInputTopic(Topics.SCREENING_PROFILE, new StringSerializer(),
                AvroSerde.value(registry, ScreeningProfile.class).serializer()).pipeInput(Integer.toString(p.getVersion()), p);
    }

    public void scanResult(ScanResult r) {
        scanResult(r.getPort(), r);
    }

    public void scanResult(String topicPort, ScanResult r) {
        driver.createInputTopic(Topics.scanResults(topicPort), new StringSerializer(),
                AvroSerde.value(registry, ScanResult.class).serializer()).pipeInput(r.getRecommendationId(), r);
    }

    public TestOutputTopic<String, ScreeningPrecision> screeningPrecision() {
        return driver.createOutputTopic(Topics.SCREENING_PRECISION, new StringDeserializer(),
                AvroSerde.value(registry, ScreeningPrecision.class).deserializer());
    }

    public TestOutputTopic<String, ScanRecommendation> recommendationsOf(String port) {
        return driver.createOutputTopic(Topics.scanRecommendations(port), new StringDeserializer(),
                AvroSerde.value(registry, ScanRecommendation.class).deserializer());
    }

    public TestOutputTopic<String, Alert> alertsOf(String subscriber) {
        return driver.createOutputTopic(Topics.alertsFor(subscriber), new StringDeserializer(), alertSerde.deserializer());
    }

    public TestOutputTopic<String, AlertDelivery> audit() {
        return driver.createOutputTopic(Topics.AUDIT, new StringDeserializer(), AvroSerde.value(registry, AlertDelivery.class).deserializer());
    }

    public TestOutputTopic<String, RulePrecision> precision() {
        return driver.createOutputTopic(Topics.RULE_PRECISION, new StringDeserializer(), AvroSerde.value(registry, RulePrecision.class).deserializer());
    }

    public List<Alert> readAlerts() {
        return alerts.readValuesToList();
    }

    /** The total of a metric of the topology's own sensors, e.g. {@code late-sightings-total}. */
    public double metric(String name) {
        for (var e : driver.metrics().entrySet()) {
            if (e.getKey().name().equals(name)) {
                return ((Number) e.getValue().metricValue()).doubleValue();
            }
        }
        throw new AssertionError("no metric " + name);
    }

    @Override
    public void close() {
        driver.close();
        rejects.close();
    }
}
