package eu.portalliance.topology;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertDelivery;
import eu.portalliance.avro.AlertOutcome;
import eu.portalliance.avro.PortInfo;
import eu.portalliance.avro.RulePrecision;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.Subscription;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.registry.SchemaRegistryClient;
import eu.portalliance.topics.Topics;
import eu.portalliance.topology.alerts.AlertDeduplicator;
import eu.portalliance.topology.avro.Delivery;
import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.correlate.EntityCorrelator;
import eu.portalliance.topology.feedback.OutcomeAttribution;
import eu.portalliance.topology.feedback.RulePrecisions;
import eu.portalliance.topology.ingest.EventTimeExtractor;
import eu.portalliance.topology.ingest.Validate;
import eu.portalliance.topology.reference.RiskOriginsUpdater;
import eu.portalliance.topology.routing.AlertRouter;
import eu.portalliance.topology.routing.DeliveredAlertSerializer;
import eu.portalliance.topology.routing.Redaction;
import eu.portalliance.topology.rules.CrossPortEntityRule;
import eu.portalliance.topology.rules.EntityRule;
import eu.portalliance.topology.rules.RouteSurgeRule;
import eu.portalliance.topology.rules.SuspicionConfirmedRule;
import eu.portalliance.topology.rules.VesselRepeatRule;
import eu.portalliance.topology.sightings.SightingFactory;
import eu.portalliance.topology.sightings.ToSightings;
import eu.portalliance.topology.surge.RouteSurgeDetector;
import eu.portalliance.validation.EventChecks;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import static eu.portalliance.topology.query.AllianceStores.ALERT_INDEX;
import static eu.portalliance.topology.query.AllianceStores.ENTITY_HISTORIES;
import static eu.portalliance.topology.query.AllianceStores.LATEST_OUTCOMES;
import static eu.portalliance.topology.query.AllianceStores.PORTS;
import static eu.portalliance.topology.query.AllianceStores.RISK_ORIGINS;
import static eu.portalliance.topology.query.AllianceStores.ROUTE_WINDOWS;
import static eu.portalliance.topology.query.AllianceStores.ROUTE_WINDOWS_CLOSED;
import static eu.portalliance.topology.query.AllianceStores.RULE_PRECISION;
import static eu.portalliance.topology.query.AllianceStores.SUBSCRIPTIONS;

/**
 * The alliance topology, top to bottom as the data flows:
 * reference data → port events, validated → sightings per entity → rules → one alert per finding
 * → delivery to the ports by subscription and handling code → outcome feedback → rule precision.
 * Every operator, store and internal topic is named here, so they stay stable across upgrades.
 */
public final class AllianceTopology {
    /** How long a risk-origin listing stays queryable by event time. */
    static final Duration RISK_HISTORY = Duration.ofDays(3650);
    /** How long an alert id is remembered: longer than any replay window the alliance keeps input for. */
    static final Duration ALERT_ID_RETENTION = Duration.ofDays(400);
    /** How long closed route windows stay queryable for analysts (top routes and origins over time). */
    static final Duration ROUTE_WINDOW_RETENTION = Duration.ofDays(400);

    private final AllianceConfig config;
    private final AllianceSerdes serdes;
    private final StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(namingOnly())));
    private final EventTimeExtractor eventTime = new EventTimeExtractor();

    private AllianceTopology(AllianceConfig config, SchemaRegistryClient registry) {
        this.config = config;
        this.serdes = new AllianceSerdes(registry);
    }

    public static Topology build(AllianceConfig config, SchemaRegistryClient registry) {
        return new AllianceTopology(config, registry).build();
    }

    private Topology build() {
        referenceData();
        KStream<String, SeizureReport> seizures = validated(Topics.PORT_SEIZURES, serdes.seizure, "seizures",
                (s, port, now) -> EventChecks.seizure(s, port, now, config.maxFutureSkew()));
        KStream<String, SuspiciousContainerEvent> suspicions = validated(Topics.PORT_SUSPICIONS, serdes.suspicion, "suspicions",
                (e, port, now) -> EventChecks.suspicion(e, port, now, config.maxFutureSkew()));
        KStream<String, Alert> entityAlerts = correlateEntities(sightingsPerEntity(seizures, suspicions));
        KStream<String, Alert> surgeAlerts = detectRouteSurges(seizures);
        KStream<String, Alert> alerts = oneAlertPerFinding(entityAlerts, surgeAlerts);
        deliverToRecipients(alerts);
        ruleFeedback();
        return builder.build();
    }

    /**
     * Reference data, complete on every instance. Risk origins are versioned so events are judged by the list as it
     * stood at their own time (KIP-889).
     */
    private void referenceData() {
        builder.addGlobalStore(
                Stores.versionedKeyValueStoreBuilder(
                        Stores.persistentVersionedKeyValueStore(RISK_ORIGINS, RISK_HISTORY), serdes.key, serdes.riskOrigin)
                        .withLoggingDisabled(),
                Topics.RISK_ORIGINS,
                Consumed.with(serdes.key, serdes.riskOrigin).withName("risk-origins-source").withTimestampExtractor(eventTime),
                () -> new RiskOriginsUpdater(RISK_ORIGINS));
        builder.globalTable(Topics.PORTS, Consumed.with(serdes.key, serdes.port).withName("ports-source"),
                Materialized.<String, PortInfo, KeyValueStore<Bytes, byte[]>>as(PORTS)
                        .withKeySerde(serdes.key).withValueSerde(serdes.port));
        builder.globalTable(Topics.SUBSCRIPTIONS, Consumed.with(serdes.key, serdes.subscription).withName("subscriptions-source"),
                Materialized.<String, Subscription, KeyValueStore<Bytes, byte[]>>as(SUBSCRIPTIONS)
                        .withKeySerde(serdes.key).withValueSerde(serdes.subscription));
    }

    /**
     * One kind of event from every port's topic, by pattern so a new port joins without a redeploy. Records that fail
     * to read or validate go to alliance.dlq.v1 through the DeadLetters handler.
     */
    private <V> KStream<String, V> validated(Pattern topics, Serde<V> serde, String name, Validate.Check<V> check) {
        return builder.stream(topics, Consumed.with(serdes.key, serde).withName(name + "-source").withTimestampExtractor(eventTime))
                .processValues(() -> new Validate<>(check), Named.as("validate-" + name));
    }

    /** One sighting per entity an event is about, with its route's risk (R2) looked up at the event's time. */
    private KStream<String, Sighting> sightingsPerEntity(KStream<String, SeizureReport> seizures,
                                                         KStream<String, SuspiciousContainerEvent> suspicions) {
        return seizures
                .process(() -> new ToSightings<SeizureReport>(RISK_ORIGINS, SightingFactory::ofSeizure), Named.as("seizure-sightings"))
                .merge(suspicions.process(() -> new ToSightings<SuspiciousContainerEvent>(RISK_ORIGINS,
                        SightingFactory::ofSuspicion), Named.as("suspicion-sightings")), Named.as("all-sightings"));
    }

    /** Entity rules (R1 cross-port, C1 suspicion confirmed, R12 vessel repeat) over each entity's history. */
    private KStream<String, Alert> correlateEntities(KStream<String, Sighting> sightings) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ENTITY_HISTORIES), serdes.key, serdes.history));
        return sightings
                .repartition(Repartitioned.with(serdes.key, serdes.sighting).withName("sightings-by-entity"))
                .process(() -> new EntityCorrelator(ENTITY_HISTORIES, entityRules(config), config.entityWindow(),
                        config.entityGrace(), config.maxSightingsPerEntity()), Named.as("correlate-entities"), ENTITY_HISTORIES);
    }

    /**
     * Route surges (R13): seizures per origin → port route in tumbling windows, judged when a window closes and again
     * if a late seizure changes it.
     */
    private KStream<String, Alert> detectRouteSurges(KStream<String, SeizureReport> seizures) {
        builder.addStateStore(Stores.timestampedWindowStoreBuilder(Stores.persistentTimestampedWindowStore(
                ROUTE_WINDOWS, ROUTE_WINDOW_RETENTION, config.surgeWindow(), false), serdes.key, serdes.routeWindow));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ROUTE_WINDOWS_CLOSED), serdes.key, Serdes.Long()));
        RouteSurgeRule rule = new RouteSurgeRule(config.surgeFactor(), config.surgeMinimum());
        return seizures
                .process(() -> new ToSightings<SeizureReport>(RISK_ORIGINS, SightingFactory::routeOf), Named.as("seizure-routes"))
                .repartition(Repartitioned.with(serdes.key, serdes.sighting).withName("seizures-by-route"))
                .process(() -> new RouteSurgeDetector(ROUTE_WINDOWS, ROUTE_WINDOWS_CLOSED, rule, config.surgeWindow(),
                                config.surgeGrace(), ROUTE_WINDOW_RETENTION, config.surgeBaselineWindows()),
                        Named.as("detect-route-surges"), ROUTE_WINDOWS, ROUTE_WINDOWS_CLOSED);
    }

    /** One alert per finding, whichever path found it, on alliance.alerts.v1. */
    private KStream<String, Alert> oneAlertPerFinding(KStream<String, Alert> entityAlerts, KStream<String, Alert> surgeAlerts) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERT_INDEX), serdes.key, serdes.alert));
        KStream<String, Alert> alerts = entityAlerts.merge(surgeAlerts, Named.as("all-alerts"))
                .repartition(Repartitioned.with(serdes.key, serdes.alert).withName("alerts-by-id")
                        .withNumberOfPartitions(Topics.ALERT_PARTITIONS))
                .processValues(() -> new AlertDeduplicator(ALERT_INDEX, ALERT_ID_RETENTION), Named.as("deduplicate-alerts"), ALERT_INDEX);
        alerts.to(Topics.ALERTS, Produced.with(serdes.key, serdes.alert).withName("alerts-sink"));
        return alerts;
    }

    /**
     * Back to the ports: each recipient the handling code allows gets the alert on its own topic, redacted unless it
     * was involved or has need-to-know; every delivery is audited.
     */
    private void deliverToRecipients(KStream<String, Alert> alerts) {
        Redaction redaction = new Redaction(config.redactionSecret());
        KStream<String, Delivery> deliveries = alerts.process(
                () -> new AlertRouter(SUBSCRIPTIONS, PORTS, redaction), Named.as("route-alerts"));
        deliveries.to(new DeliveredAlertSerializer.RecipientTopic(),
                Produced.with(serdes.key, serdes.deliveredAlert).withName("recipient-alerts-sink"));
        deliveries.mapValues(AllianceTopology::audit, Named.as("audit-deliveries"))
                .to(Topics.AUDIT, Produced.with(serdes.key, serdes.audit).withName("audit-sink"));
    }

    /**
     * Outcome feedback: each port's latest outcome per alert, attributed to the rule that raised the alert, summed
     * into precision per rule and version.
     */
    private void ruleFeedback() {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LATEST_OUTCOMES), serdes.key, serdes.outcome));
        validated(Topics.PORT_OUTCOMES, serdes.outcome, "outcomes",
                (o, port, now) -> EventChecks.outcome(o, port, now, config.maxFutureSkew()))
                .selectKey((key, outcome) -> outcome.getAlertId(), Named.as("key-outcomes-by-alert"))
                .repartition(Repartitioned.with(serdes.key, serdes.outcome).withName("outcomes-by-alert")
                        .withNumberOfPartitions(Topics.ALERT_PARTITIONS))
                .process(() -> new OutcomeAttribution(ALERT_INDEX, LATEST_OUTCOMES),
                        Named.as("attribute-outcomes"), ALERT_INDEX, LATEST_OUTCOMES)
                .groupByKey(Grouped.with("outcomes-by-rule", serdes.key, serdes.precision))
                .aggregate(RulePrecisions::empty, RulePrecisions::add, Named.as("sum-rule-precision"),
                        Materialized.<String, RulePrecision, KeyValueStore<Bytes, byte[]>>as(RULE_PRECISION)
                                .withKeySerde(serdes.key).withValueSerde(serdes.precision))
                .toStream(Named.as("rule-precision-changes"))
                .to(Topics.RULE_PRECISION, Produced.with(serdes.key, serdes.precision).withName("rule-precision-sink"));
    }

    private static AlertDelivery audit(Delivery d) {
        Alert a = d.getAlert();
        return new AlertDelivery(a.getAlertId(), d.getRecipient(), d.getTopic(), d.getBasis(), a.getHandlingCode(),
                d.getRedacted(), a.getRuleId(), a.getRuleVersion(), a.getRaisedAt(), d.getDeliveredAt());
    }

    /** The entity rules, in the order they run. */
    public static List<EntityRule> entityRules(AllianceConfig config) {
        return List.of(new CrossPortEntityRule(), new SuspicionConfirmedRule(),
                new VesselRepeatRule(config.vesselRepeatThreshold()));
    }

    /** The topology-level settings that must hold wherever the topology is built, tests included. */
    private static Properties namingOnly() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "naming-check");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return p;
    }
}
