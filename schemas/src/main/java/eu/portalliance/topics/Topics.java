package eu.portalliance.topics;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertOutcome;
import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.avro.PortInfo;
import eu.portalliance.avro.RiskOrigin;
import eu.portalliance.avro.RulePrecision;
import eu.portalliance.avro.ScanRecommendation;
import eu.portalliance.avro.ScanResult;
import eu.portalliance.avro.ScreeningPrecision;
import eu.portalliance.avro.ScreeningProfile;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.registry.SchemaRegistryClient;
import eu.portalliance.serde.AvroSerde;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one place topic names are spelled. {@code ports.<LOCODE>.<entity>.v<major>} for what a port owns,
 * {@code alliance.<entity>.v<major>} for shared topics. Typed accessors pair each name with its serdes.
 */
public final class Topics {
    public static final String ALERTS = "alliance.alerts.v1";
    public static final String DLQ = "alliance.dlq.v1";

    /**
     * Headers every record on {@link #DLQ} carries beside its original key, value and headers: why it was refused
     * and where it came from. Whoever writes to the dead-letter topic (the topology, a Connect transform) uses these.
     */
    public static final class DlqHeaders {
        /** A {@code RejectReason} name, e.g. INVALID_CONTAINER_NUMBER. */
        public static final String REASON = "dlq.reason";
        /** One line: what is wrong and what to do. */
        public static final String MESSAGE = "dlq.message";
        public static final String SOURCE_TOPIC = "dlq.source.topic";
        public static final String SOURCE_PARTITION = "dlq.source.partition";
        public static final String SOURCE_OFFSET = "dlq.source.offset";
        /** The topology step that refused it. */
        public static final String PROCESSOR = "dlq.processor";

        private DlqHeaders() {
        }
    }
    public static final String RISK_ORIGINS = "alliance.reference.risk-origins.v1";
    public static final String PORTS = "alliance.reference.ports.v1";
    public static final String SUBSCRIPTIONS = "alliance.reference.subscriptions.v1";
    public static final String AUDIT = "alliance.audit.v1";
    public static final String RULE_PRECISION = "alliance.rule-precision.v1";
    /** The screening profile, one record per version (compacted, keyed by version). */
    public static final String SCREENING_PROFILE = "alliance.reference.screening-profile.v1";
    /**
     * What the alliance knows about each entity, for screening arrivals on every instance: the latest seizure,
     * suspicion and open case per entity (compacted, keyed by entity and kind), written by the topology.
     */
    public static final String SCREENING_INTELLIGENCE = "alliance.screening.intelligence.v1";
    /** Hit rates of the screening profile per version and criterion (compacted), from the ports' scan results. */
    public static final String SCREENING_PRECISION = "alliance.screening-precision.v1";
    /** Where the alliance's own registry keeps schemas, named as Confluent Schema Registry's default. */
    public static final String SCHEMAS = "_schemas";

    private static final String SEIZURES = "seizures";
    private static final String SUSPICIOUS = "suspicious";
    private static final String PORT_ALERTS = "alerts";
    private static final String ALERT_OUTCOMES = "alert-outcomes";
    private static final String ARRIVALS = "arrivals";
    private static final String SCAN_RECOMMENDATIONS = "scan-recommendations";
    private static final String SCAN_RESULTS = "scan-results";

    private static final String LOCODE = "([A-Z]{2}[A-Z2-9]{3})";
    /** Every port's seizure and suspicious-event topics: a new port joins by creating its topics. */
    public static final Pattern PORT_EVENTS = Pattern.compile("ports\\." + LOCODE + "\\.(seizures|suspicious)\\.v1");
    public static final Pattern PORT_SEIZURES = Pattern.compile("ports\\." + LOCODE + "\\.seizures\\.v1");
    public static final Pattern PORT_SUSPICIONS = Pattern.compile("ports\\." + LOCODE + "\\.suspicious\\.v1");
    public static final Pattern PORT_OUTCOMES = Pattern.compile("ports\\." + LOCODE + "\\.alert-outcomes\\.v1");
    public static final Pattern PORT_ARRIVALS = Pattern.compile("ports\\." + LOCODE + "\\.arrivals\\.v1");
    public static final Pattern PORT_SCAN_RESULTS = Pattern.compile("ports\\." + LOCODE + "\\.scan-results\\.v1");
    private static final Pattern RECIPIENT_ALERTS = Pattern.compile("(ports\\." + LOCODE + "|subscribers\\.[A-Za-z0-9_-]+)\\.alerts\\.v1");
    private static final Pattern ANY_PORT_TOPIC = Pattern.compile("ports\\." + LOCODE + "\\.[a-z-]+\\.v1");

    private static final int INPUT_PARTITIONS = 3;
    /** Partitions of the alert stream; the topology's alert-keyed internal topics use the same count. */
    public static final int ALERT_PARTITIONS = 3;

    private Topics() {
    }

    public static String seizures(String locode) {
        return port(locode, SEIZURES);
    }

    public static String suspicious(String locode) {
        return port(locode, SUSPICIOUS);
    }

    public static String alerts(String locode) {
        return port(locode, PORT_ALERTS);
    }

    public static String alertOutcomes(String locode) {
        return port(locode, ALERT_OUTCOMES);
    }

    public static String arrivals(String locode) {
        return port(locode, ARRIVALS);
    }

    public static String scanRecommendations(String locode) {
        return port(locode, SCAN_RECOMMENDATIONS);
    }

    public static String scanResults(String locode) {
        return port(locode, SCAN_RESULTS);
    }

    /**
     * Where a subscriber's alerts go unless its subscription names a topic: a port's own
     * {@code ports.<LOCODE>.alerts.v1}, otherwise {@code subscribers.<ID>.alerts.v1}.
     */
    public static String alertsFor(String subscriberId) {
        return eu.portalliance.ids.UnLocode.isValid(subscriberId) ? alerts(subscriberId)
                : "subscribers." + subscriberId + ".alerts.v1";
    }

    /** Whether {@code topic} is where alerts are delivered to one recipient (a port's or a subscriber's feed). */
    public static boolean isRecipientAlertsTopic(String topic) {
        return RECIPIENT_ALERTS.matcher(topic).matches();
    }

    private static String port(String locode, String entity) {
        return "ports." + locode + "." + entity + ".v1";
    }

    /** The port a {@code ports.<LOCODE>.*} topic belongs to. */
    public static Optional<String> portOf(String topic) {
        Matcher m = ANY_PORT_TOPIC.matcher(topic);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The shared topics every alliance needs. */
    public static List<TopicSpec> allianceTopics() {
        return List.of(
                retained(ALERTS, ALERT_PARTITIONS, days(365)),
                retained(DLQ, 1, days(30)),
                retained(AUDIT, 1, -1),
                compacted(RISK_ORIGINS),
                compacted(PORTS),
                compacted(SUBSCRIPTIONS),
                compacted(RULE_PRECISION),
                compacted(SCREENING_PROFILE),
                compacted(SCREENING_PRECISION),
                new TopicSpec(SCREENING_INTELLIGENCE, 1, Map.of("cleanup.policy", "compact,delete",
                        "retention.ms", Long.toString(days(400)), "message.timestamp.type", "LogAppendTime")));
    }

    /** The topics a port owns: its inputs, its alert feed and its outcome feedback. */
    public static List<TopicSpec> portTopics(String locode) {
        List<TopicSpec> out = new ArrayList<>();
        out.add(retained(seizures(locode), INPUT_PARTITIONS, days(400)));
        out.add(retained(suspicious(locode), INPUT_PARTITIONS, days(400)));
        out.add(retained(alerts(locode), 1, days(365)));
        out.add(retained(alertOutcomes(locode), 1, days(400)));
        out.add(retained(arrivals(locode), INPUT_PARTITIONS, days(90)));
        out.add(retained(scanRecommendations(locode), 1, days(90)));
        out.add(retained(scanResults(locode), 1, days(400)));
        return out;
    }

    /**
     * Time-retained topics stamp records with the broker's append time: events carry their own event time in the
     * payload, and retention must count from when the alliance received a record, or a backfill of last year's
     * seizures would be deleted the moment it arrived. (Compacted reference topics keep the producer's time: the
     * risk list is versioned by it.)
     */
    private static TopicSpec retained(String name, int partitions, long retentionMs) {
        return new TopicSpec(name, partitions, Map.of("retention.ms", Long.toString(retentionMs),
                "message.timestamp.type", "LogAppendTime"));
    }

    private static TopicSpec compacted(String name) {
        return new TopicSpec(name, 1, Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0"));
    }

    private static long days(int n) {
        return n * 24L * 3600 * 1000;
    }

    // Typed topics: name + key serde + value serde.

    public static Topic<String, SeizureReport> seizuresTopic(String locode, SchemaRegistryClient registry) {
        return typed(seizures(locode), registry, SeizureReport.class);
    }

    public static Topic<String, SuspiciousContainerEvent> suspiciousTopic(String locode, SchemaRegistryClient registry) {
        return typed(suspicious(locode), registry, SuspiciousContainerEvent.class);
    }

    public static Topic<String, Alert> alertsTopic(SchemaRegistryClient registry) {
        return typed(ALERTS, registry, Alert.class);
    }

    public static Topic<String, Alert> portAlertsTopic(String locode, SchemaRegistryClient registry) {
        return typed(alerts(locode), registry, Alert.class);
    }

    /** A recipient's feed: a port's, or a subscriber's where its subscription names no topic of its own. */
    public static Topic<String, Alert> recipientAlertsTopic(String recipientId, SchemaRegistryClient registry) {
        return typed(alertsFor(recipientId), registry, Alert.class);
    }

    public static Topic<String, AlertOutcome> alertOutcomesTopic(String locode, SchemaRegistryClient registry) {
        return typed(alertOutcomes(locode), registry, AlertOutcome.class);
    }

    public static Topic<String, ArrivalNotice> arrivalsTopic(String locode, SchemaRegistryClient registry) {
        return typed(arrivals(locode), registry, ArrivalNotice.class);
    }

    public static Topic<String, ScanRecommendation> scanRecommendationsTopic(String locode, SchemaRegistryClient registry) {
        return typed(scanRecommendations(locode), registry, ScanRecommendation.class);
    }

    public static Topic<String, ScanResult> scanResultsTopic(String locode, SchemaRegistryClient registry) {
        return typed(scanResults(locode), registry, ScanResult.class);
    }

    public static Topic<String, ScreeningPrecision> screeningPrecisionTopic(SchemaRegistryClient registry) {
        return typed(SCREENING_PRECISION, registry, ScreeningPrecision.class);
    }

    public static Topic<String, ScreeningProfile> screeningProfileTopic(SchemaRegistryClient registry) {
        return typed(SCREENING_PROFILE, registry, ScreeningProfile.class);
    }

    public static Topic<String, RiskOrigin> riskOriginsTopic(SchemaRegistryClient registry) {
        return typed(RISK_ORIGINS, registry, RiskOrigin.class);
    }

    public static Topic<String, PortInfo> portsTopic(SchemaRegistryClient registry) {
        return typed(PORTS, registry, PortInfo.class);
    }

    public static Topic<String, RulePrecision> rulePrecisionTopic(SchemaRegistryClient registry) {
        return typed(RULE_PRECISION, registry, RulePrecision.class);
    }

    private static <V extends SpecificRecord> Topic<String, V> typed(String name, SchemaRegistryClient registry, Class<V> type) {
        Serde<String> keys = Serdes.String();
        return new Topic<>(name, keys, AvroSerde.value(registry, type));
    }
}
