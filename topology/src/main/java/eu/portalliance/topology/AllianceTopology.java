package eu.portalliance.topology;

import static eu.portalliance.topology.query.AllianceStores.ALERTS;
import static eu.portalliance.topology.query.AllianceStores.DELIVERY_CAPS;
import static eu.portalliance.topology.query.AllianceStores.ENTITY_CASES;
import static eu.portalliance.topology.query.AllianceStores.ENTITY_SIGHTINGS;
import static eu.portalliance.topology.query.AllianceStores.LATEST_OUTCOMES;
import static eu.portalliance.topology.query.AllianceStores.PORTS;
import static eu.portalliance.topology.query.AllianceStores.RISK_ORIGINS;
import static eu.portalliance.topology.query.AllianceStores.PORT_ORIGINS;
import static eu.portalliance.topology.query.AllianceStores.ROUTE_WINDOWS;
import static eu.portalliance.topology.query.AllianceStores.ROUTE_WINDOWS_CLOSED;
import static eu.portalliance.topology.query.AllianceStores.RULE_PRECISION;
import static eu.portalliance.topology.query.AllianceStores.RULE_PRECISION_ALL;
import static eu.portalliance.topology.query.AllianceStores.SCAN_RESULTS_SEEN;
import static eu.portalliance.topology.query.AllianceStores.SCREENING_INTELLIGENCE;
import static eu.portalliance.topology.query.AllianceStores.SCREENING_PRECISION;
import static eu.portalliance.topology.query.AllianceStores.SCREENING_PROFILES;
import static eu.portalliance.topology.query.AllianceStores.SCOREBOARD;
import static eu.portalliance.topology.query.AllianceStores.SCOREBOARD_MARKS;
import static eu.portalliance.topology.query.AllianceStores.SCOREBOARD_SURGES;
import static eu.portalliance.topology.query.AllianceStores.SUBSCRIPTIONS;
import static eu.portalliance.topology.query.AllianceStores.WITHHELD_MATCHES_SEEN;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.ScanResult;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.AlertDelivery;
import eu.portalliance.avro.AlertOutcome;
import eu.portalliance.avro.PortInfo;
import eu.portalliance.avro.RulePrecision;
import eu.portalliance.avro.ScreeningPrecision;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.Subscription;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.registry.SchemaRegistryClient;
import eu.portalliance.serde.WireFormat;
import eu.portalliance.topics.Topics;
import eu.portalliance.topology.avro.Delivery;
import eu.portalliance.topology.avro.CaseState;
import eu.portalliance.topology.avro.IntelligenceFact;
import eu.portalliance.topology.avro.OriginWeek;
import eu.portalliance.topology.avro.RouteWindow;
import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.avro.SightingSet;
import eu.portalliance.topology.correlate.EntityCorrelator;
import eu.portalliance.topology.feedback.OutcomeAttribution;
import eu.portalliance.topology.feedback.RulePrecisions;
import eu.portalliance.topology.ingest.EventTimeExtractor;
import eu.portalliance.topology.ingest.Validate;
import eu.portalliance.topology.query.EntityRef;
import eu.portalliance.topology.reference.KeepLatest;
import eu.portalliance.topology.reference.ReferenceChanges;
import eu.portalliance.topology.reference.RiskOriginsUpdater;
import eu.portalliance.topology.routing.AlertRouter;
import eu.portalliance.topology.routing.DailyCap;
import eu.portalliance.topology.routing.DeliveredAlertSerializer;
import eu.portalliance.topology.routing.Redaction;
import eu.portalliance.topology.rules.CrossPortEntityRule;
import eu.portalliance.topology.rules.CloneContainerRule;
import eu.portalliance.topology.rules.PairRule;
import eu.portalliance.topology.rules.RouteSurgeRule;
import eu.portalliance.topology.rules.SuspicionConfirmedRule;
import eu.portalliance.topology.rules.VesselRepeatRule;
import eu.portalliance.topology.screening.ArrivalScreener;
import eu.portalliance.topology.screening.FirstOnly;
import eu.portalliance.topology.screening.Screened;
import eu.portalliance.topology.screening.WithheldMatches;
import eu.portalliance.topology.scoreboard.ScreeningAlerts;
import eu.portalliance.topology.scoreboard.ScreeningScoreboard;
import eu.portalliance.topology.scoreboard.ScreeningTallies;
import eu.portalliance.topology.avro.ScoreboardRow;
import eu.portalliance.topology.avro.ScreeningTally;
import eu.portalliance.topology.avro.WithheldMatch;
import eu.portalliance.topology.screening.ScreeningPrecisions;
import eu.portalliance.topology.screening.IntelligenceFacts;
import eu.portalliance.topology.sightings.SightingFactory;
import eu.portalliance.topology.surge.RouteSurgeDetector;
import eu.portalliance.validation.EventChecks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;


/**
 * The alliance topology, top to bottom as the data flows:
 * reference data → port events, validated → one sighting per entity (and route) an event names → rules, each finding
 * made once where its entity lives → delivery to the ports by subscription and handling code → outcome feedback →
 * rule precision; and, before containers land, arrival notices screened against the alliance's one profile, counted
 * on a scoreboard per origin, port and week, which also watches for traffic displaced by enforcement (R14).
 * Every operator, store and internal topic is named here, so they stay stable across upgrades.
 */
public final class AllianceTopology {
    /**
     * Changelogs of time-indexed stores are deleted by time as well as compacted. The broker counts that time from each
     * record's timestamp, which here is event time: a backfill of last year's events would have its changelog deleted
     * as it is written (and rolled into a segment per record), and a restore after a crash would bring back only the
     * newest sightings. Stamped on arrival, they keep for the store's retention from when the alliance wrote them.
     * (The stores' own retention still follows event time, read from each record's key; route windows carry their
     * own event times in the value.)
     */
    private static final Map<String, String> STAMPED_ON_ARRIVAL = Map.of("message.timestamp.type", "LogAppendTime");

    /** How long a risk-origin listing stays queryable by event time. */
    static final Duration RISK_HISTORY = Duration.ofDays(3650);
    /** How long closed route windows stay queryable for analysts (top routes and origins over time). */
    static final Duration ROUTE_WINDOW_RETENTION = Duration.ofDays(400);

    private final AllianceConfig config;
    private final AllianceSerdes serdes;
    private final SchemaRegistryClient registry;
    private final StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(topologySettings())));
    private final EventTimeExtractor eventTime = new EventTimeExtractor();
    /** Changes to the global stores screening reads, so each stream thread re-reads them only when they change. */
    private final ReferenceChanges intelligenceChanges = new ReferenceChanges();
    private final ReferenceChanges profileChanges = new ReferenceChanges();

    private AllianceTopology(AllianceConfig config, SchemaRegistryClient registry) {
        this.config = config;
        this.registry = registry;
        this.serdes = new AllianceSerdes(registry);
    }

    /**
     * The topology, with the schema of every topic it writes registered now, before it runs: a registration never
     * happens inside a transaction, where its round trip would hold the transaction open.
     */
    public static Topology build(AllianceConfig config, SchemaRegistryClient registry) {
        return new AllianceTopology(config, registry).build();
    }

    private Topology build() {
        referenceData();
        KStream<String, SeizureReport> seizures = validated(Topics.PORT_SEIZURES, serdes.seizure, "seizures",
                (s, port, now) -> EventChecks.seizure(s, port, now, config.maxFutureSkew()));
        KStream<String, SuspiciousContainerEvent> suspicions = validated(Topics.PORT_SUSPICIONS, serdes.suspicion, "suspicions",
                (e, port, now) -> EventChecks.suspicion(e, port, now, config.maxFutureSkew()));
        Map<String, KStream<String, Sighting>> sightings = sightingsOf(seizures, suspicions);
        KStream<String, Alert> entityAlerts = correlateEntities(sightings.get(ON_ENTITIES));
        KStream<String, Alert> surgeAlerts = detectRouteSurges(sightings.get(ON_ROUTES));
        ScreeningOutput screened = screenArrivals();
        KStream<String, ScreeningTally> checks = screeningFeedback();
        Map<String, KStream<String, Alert>> scoreboard = keepScoreboard(screened.tallies(), checks, surgeAlerts);
        KStream<String, Alert> alerts = publishAlerts(entityAlerts, surgeAlerts, scoreboard.get(DISPLACEMENTS));
        deliverToRecipients(alerts.merge(scoreboard.get(NOTICES), Named.as("alerts-and-scan-rate-notices"))
                .merge(screened.notices(), Named.as("alerts-and-all-notices")));
        shareIntelligence(sightings.get(ON_ENTITIES), alerts);
        ruleFeedback();
        return builder.build(topologySettings());
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
        // What the ports' checks found on each rule version: the score weighs a case by its leading rule's precision.
        builder.globalTable(Topics.RULE_PRECISION, Consumed.with(serdes.key, serdes.precision).withName("rule-precision-source"),
                Materialized.<String, RulePrecision, KeyValueStore<Bytes, byte[]>>as(RULE_PRECISION_ALL)
                        .withKeySerde(serdes.key).withValueSerde(serdes.precision));
    }

    /**
     * One kind of event from every port's topic, by pattern so a new port joins without a redeploy. Records that fail
     * to read or validate go to alliance.dlq.v1 through the DeadLetters handler.
     */
    private <V> KStream<String, V> validated(Pattern topics, Serde<V> serde, String name, Validate.Check<V> check) {
        return builder.stream(topics, Consumed.with(serdes.key, serde).withName(name + "-source").withTimestampExtractor(eventTime))
                .processValues(() -> new Validate<>(check), Named.as("validate-" + name));
    }

    private static final String ON_ENTITIES = "sightings-on-entities";
    private static final String ON_ROUTES = "sightings-on-routes";

    /**
     * Each event, in one step, as one sighting per entity it names and, for a seizure, one point on its origin → port
     * route; keyed by what the next step groups them by.
     */
    private Map<String, KStream<String, Sighting>> sightingsOf(KStream<String, SeizureReport> seizures,
                                                               KStream<String, SuspiciousContainerEvent> suspicions) {
        return seizures.flatMap((k, s) -> SightingFactory.ofSeizure(s), Named.as("seizure-sightings"))
                .merge(suspicions.flatMap((k, e) -> SightingFactory.ofSuspicion(e), Named.as("suspicion-sightings")),
                        Named.as("all-sightings"))
                .split(Named.as("sightings-"))
                .branch((entity, s) -> EntityRef.fromStoreKey(entity).type() == EntityType.ROUTE, Branched.as("on-routes"))
                .defaultBranch(Branched.as("on-entities"));
    }

    /**
     * Entity cases: the entity rules (R1 cross-port, C1 suspicion confirmed, R6 clone, R12 vessel repeat) pair each new
     * sighting with the entity's others; connected findings are one case, published revision by revision.
     */
    private KStream<String, Alert> correlateEntities(KStream<String, Sighting> sightings) {
        // Twice window and grace: the store keeps time by the newest sighting it holds, an entity by its own newest one.
        Duration retention = config.entityWindow().plus(config.entityGrace()).multipliedBy(2);
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(ENTITY_SIGHTINGS, retention,
                Duration.ofMillis(1), false), serdes.key, serdes.sightingSet).withCachingDisabled()
                .withLoggingEnabled(STAMPED_ON_ARRIVAL));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ENTITY_CASES), serdes.key, serdes.caseState)
                .withCachingDisabled());
        // One key per port and week, updated by every container sighting: the cache folds a commit interval's updates
        // into one changelog record per port and week.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PORT_ORIGINS), serdes.key, serdes.originWeek)
                .withCachingEnabled());
        written(changelog(ENTITY_SIGHTINGS), SightingSet.getClassSchema());
        written(changelog(ENTITY_CASES), CaseState.getClassSchema());
        written(changelog(PORT_ORIGINS), OriginWeek.getClassSchema());
        return repartitioned(sightings, "sightings-by-entity")
                .process(() -> new EntityCorrelator(ENTITY_SIGHTINGS, ENTITY_CASES, PORT_ORIGINS, entityRules(config),
                                config.entityWindow(), retention, config.seizuresPerFlag()),
                        Named.as("correlate-entities"), ENTITY_SIGHTINGS, ENTITY_CASES, PORT_ORIGINS);
    }

    /**
     * Route surges (R13): seizures per origin → port route in tumbling windows; a window that qualifies is a case,
     * judged when it closes and again when a late seizure changes it or its baseline.
     */
    private KStream<String, Alert> detectRouteSurges(KStream<String, Sighting> routePoints) {
        builder.addStateStore(Stores.timestampedWindowStoreBuilder(Stores.persistentTimestampedWindowStore(
                ROUTE_WINDOWS, ROUTE_WINDOW_RETENTION, config.surgeWindow(), false), serdes.key, serdes.routeWindow)
                .withLoggingEnabled(STAMPED_ON_ARRIVAL));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ROUTE_WINDOWS_CLOSED), serdes.key, Serdes.Long()));
        written(changelog(ROUTE_WINDOWS), RouteWindow.getClassSchema());
        RouteSurgeRule rule = new RouteSurgeRule(config.surgeSignificance(), config.surgeBaselineFloor(), config.surgeMinimum());
        return repartitioned(routePoints, "sightings-by-route")
                .process(() -> new RouteSurgeDetector(ROUTE_WINDOWS, ROUTE_WINDOWS_CLOSED, PORT_ORIGINS, rule,
                                config.surgeWindow(), config.surgeGrace(), ROUTE_WINDOW_RETENTION, config.surgeBaselineWindows()),
                        Named.as("detect-route-surges"), ROUTE_WINDOWS, ROUTE_WINDOWS_CLOSED, PORT_ORIGINS);
    }

    /**
     * Every case revision, made in its entity's, route's or origin's partition, on alliance.alerts.v1 keyed by case id.
     */
    private KStream<String, Alert> publishAlerts(KStream<String, Alert> entityAlerts, KStream<String, Alert> surgeAlerts,
                                                 KStream<String, Alert> displacementAlerts) {
        KStream<String, Alert> alerts = entityAlerts.merge(surgeAlerts, Named.as("entity-and-route-alerts"))
                .merge(displacementAlerts, Named.as("all-alerts"));
        alerts.to(Topics.ALERTS, Produced.with(serdes.key, serdes.alert).withName("alerts-sink"));
        written(Topics.ALERTS, Alert.getClassSchema());
        return alerts;
    }

    /**
     * Back to the ports: each recipient the handling code allows gets each revision on its own topic, redacted unless
     * it was involved or has need-to-know, unless its subscription holds the case back (a minimum score, a daily cap:
     * counted per recipient, so those deliveries go by recipient first). Every decision is audited.
     */
    private void deliverToRecipients(KStream<String, Alert> alerts) {
        Redaction redaction = new Redaction(config.redactionSecret());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DELIVERY_CAPS), serdes.key, Serdes.String()));
        written(internal("deliveries-by-recipient-repartition"), Delivery.getClassSchema());
        Map<String, KStream<String, Delivery>> routed = alerts.process(
                        () -> new AlertRouter(SUBSCRIPTIONS, PORTS, redaction), Named.as("route-alerts"))
                .split(Named.as("deliveries-"))
                .branch((id, d) -> d.getDailyCap() > 0 && d.getWithheldBecause() == null, Branched.as("capped"))
                .defaultBranch(Branched.as("uncapped"));
        KStream<String, Delivery> capped = routed.get("deliveries-capped")
                .selectKey((id, d) -> d.getRecipient(), Named.as("key-deliveries-by-recipient"))
                .repartition(Repartitioned.with(serdes.key, serdes.delivery).withName("deliveries-by-recipient"))
                .processValues(() -> new DailyCap(DELIVERY_CAPS), Named.as("apply-daily-caps"), DELIVERY_CAPS)
                .selectKey((recipient, d) -> d.getAlert().getAlertId(), Named.as("key-capped-by-case"));
        KStream<String, Delivery> decided = routed.get("deliveries-uncapped").merge(capped, Named.as("all-deliveries"));
        decided.filter((id, d) -> d.getWithheldBecause() == null, Named.as("delivered"))
                .to(new DeliveredAlertSerializer.RecipientTopic(),
                        Produced.with(serdes.key, serdes.deliveredAlert).withName("recipient-alerts-sink"));
        decided.mapValues(AllianceTopology::audit, Named.as("audit-deliveries"))
                .to(Topics.AUDIT, Produced.with(serdes.key, serdes.audit).withName("audit-sink"));
        written(Topics.AUDIT, AlertDelivery.getClassSchema());
    }

    /**
     * Outcome feedback: each port's latest outcome per alert, attributed to the rule that raised the alert (read from
     * the table of alliance.alerts.v1, restored from that topic itself), summed into precision per rule and version.
     */
    private void ruleFeedback() {
        builder.table(Topics.ALERTS, Consumed.with(serdes.key, serdes.alert).withName("alerts-table-source"),
                Materialized.<String, Alert, KeyValueStore<Bytes, byte[]>>as(ALERTS).withKeySerde(serdes.key).withValueSerde(serdes.alert));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LATEST_OUTCOMES), serdes.key, serdes.outcome));
        written(changelog(LATEST_OUTCOMES), AlertOutcome.getClassSchema());
        written(internal("outcomes-by-alert-repartition"), AlertOutcome.getClassSchema());
        written(internal("outcomes-by-rule-repartition"), RulePrecision.getClassSchema());
        written(changelog(RULE_PRECISION), RulePrecision.getClassSchema());
        written(Topics.RULE_PRECISION, RulePrecision.getClassSchema());
        validated(Topics.PORT_OUTCOMES, serdes.outcome, "outcomes",
                (o, port, now) -> EventChecks.outcome(o, port, now, config.maxFutureSkew()))
                .selectKey((key, outcome) -> outcome.getAlertId(), Named.as("key-outcomes-by-alert"))
                .repartition(Repartitioned.with(serdes.key, serdes.outcome).withName("outcomes-by-alert")
                        .withNumberOfPartitions(Topics.ALERT_PARTITIONS))
                .process(() -> new OutcomeAttribution(ALERTS, LATEST_OUTCOMES),
                        Named.as("attribute-outcomes"), ALERTS, LATEST_OUTCOMES)
                .groupByKey(Grouped.with("outcomes-by-rule", serdes.key, serdes.precision))
                .aggregate(RulePrecisions::empty, RulePrecisions::add, Named.as("sum-rule-precision"),
                        Materialized.<String, RulePrecision, KeyValueStore<Bytes, byte[]>>as(RULE_PRECISION)
                                .withKeySerde(serdes.key).withValueSerde(serdes.precision))
                .toStream(Named.as("rule-precision-changes"))
                .to(Topics.RULE_PRECISION, Produced.with(serdes.key, serdes.precision).withName("rule-precision-sink"));
    }

    /** What screening hands on: what the scoreboard counts, and the notices to owners of restricted intelligence. */
    private record ScreeningOutput(KStream<String, ScreeningTally> tallies, KStream<String, Alert> notices) {
    }

    /**
     * Pre-arrival screening. Each arrival notice is judged where it arrives against what the alliance knows (each
     * entity's and route's latest seizure, suspicion and case, a global store every instance holds) and the profile in
     * force at its time; its recommendation goes to its port. A match on restricted intelligence is told to the ports
     * that own it, once per vessel call.
     */
    private ScreeningOutput screenArrivals() {
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SCREENING_INTELLIGENCE),
                        serdes.key, serdes.intelligence).withLoggingDisabled(), Topics.SCREENING_INTELLIGENCE,
                Consumed.with(serdes.key, serdes.intelligence).withName("intelligence-source"),
                () -> new KeepLatest<>(SCREENING_INTELLIGENCE, intelligenceChanges, IntelligenceFacts::replaces));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SCREENING_PROFILES),
                        serdes.key, serdes.screeningProfile).withLoggingDisabled(), Topics.SCREENING_PROFILE,
                Consumed.with(serdes.key, serdes.screeningProfile).withName("screening-profile-source"),
                () -> new KeepLatest<>(SCREENING_PROFILES, profileChanges));
        KStream<String, Screened> screened = validated(Topics.PORT_ARRIVALS, serdes.arrival, "arrivals",
                (a, port, now) -> EventChecks.arrival(a, port, now, config.maxFutureSkew()))
                .process(() -> new ArrivalScreener(SCREENING_INTELLIGENCE,
                        intelligenceChanges, SCREENING_PROFILES, profileChanges, RISK_ORIGINS), Named.as("screen-arrivals"));
        screened.mapValues(Screened::recommendation, Named.as("recommendations"))
                .to((container, r, ctx) -> Topics.scanRecommendations(r.getPort()),
                        Produced.with(serdes.key, serdes.scanRecommendation).withName("scan-recommendations-sink"));

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WITHHELD_MATCHES_SEEN), serdes.key, Serdes.String()));
        written(internal("withheld-matches-by-source-repartition"), WithheldMatch.getClassSchema());
        KStream<String, Alert> notices = screened
                .flatMap((container, s) -> s.withheld().stream().map(m -> KeyValue.pair(m.getSourceId(), m)).toList(),
                        Named.as("withheld-matches"))
                .repartition(Repartitioned.with(serdes.key, serdes.withheldMatch).withName("withheld-matches-by-source"))
                .processValues(() -> new FirstOnly<>(WITHHELD_MATCHES_SEEN, WithheldMatches::callKey),
                        Named.as("first-match-per-call"), WITHHELD_MATCHES_SEEN)
                .map((source, m) -> {
                    Alert notice = ScreeningAlerts.withheldMatchNotice(m);
                    return KeyValue.pair(notice.getAlertId(), notice);
                }, Named.as("withheld-match-notices"));
        KStream<String, ScreeningTally> tallies = screened.map((container, s) -> ScreeningTallies.ofArrival(s.recommendation(),
                s.noticeTime(), s.recommendedByScore()), Named.as("arrival-tallies"));
        return new ScreeningOutput(tallies, notices);
    }

    /**
     * What the ports' checks found on the containers screening recommended: the first result per recommendation,
     * counted for each criterion that recommended it, summed into hit rates per profile version and criterion; and,
     * per origin, for the scoreboard.
     */
    private KStream<String, ScreeningTally> screeningFeedback() {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SCAN_RESULTS_SEEN), serdes.key, Serdes.String()));
        written(internal("results-by-criterion-repartition"), ScreeningPrecision.getClassSchema());
        written(changelog(SCREENING_PRECISION), ScreeningPrecision.getClassSchema());
        written(Topics.SCREENING_PRECISION, ScreeningPrecision.getClassSchema());
        KStream<String, ScanResult> firstResults = validated(Topics.PORT_SCAN_RESULTS, serdes.scanResult, "scan-results",
                (r, port, now) -> EventChecks.scanResult(r, port, now, config.maxFutureSkew()))
                .processValues(() -> new FirstOnly<>(SCAN_RESULTS_SEEN, ScanResult::getRecommendationId),
                        Named.as("first-result-per-recommendation"), SCAN_RESULTS_SEEN);
        firstResults.flatMap((id, r) -> ScreeningPrecisions.contributions(r), Named.as("result-by-criterion"))
                .groupByKey(Grouped.with("results-by-criterion", serdes.key, serdes.screeningPrecision))
                .aggregate(ScreeningPrecisions::empty, ScreeningPrecisions::add, Named.as("sum-screening-precision"),
                        Materialized.<String, ScreeningPrecision, KeyValueStore<Bytes, byte[]>>as(SCREENING_PRECISION)
                                .withKeySerde(serdes.key).withValueSerde(serdes.screeningPrecision))
                .toStream(Named.as("screening-precision-changes"))
                .to(Topics.SCREENING_PRECISION, Produced.with(serdes.key, serdes.screeningPrecision).withName("screening-precision-sink"));
        return firstResults.map((id, r) -> ScreeningTallies.ofResult(r), Named.as("result-tallies"));
    }

    private static final String DISPLACEMENTS = "scoreboard-displacements";
    private static final String NOTICES = "scoreboard-notices";

    /**
     * The scoreboard: arrivals, checks and route surges brought together per origin country, counted per week and
     * port; each closed week judged for ports scanning well below the alliance on a risk route (a notice to that port)
     * and for traffic displaced to a port after a surge elsewhere (R14, a case).
     */
    private Map<String, KStream<String, Alert>> keepScoreboard(KStream<String, ScreeningTally> arrivals,
                                                               KStream<String, ScreeningTally> checks, KStream<String, Alert> surges) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SCOREBOARD), serdes.key, serdes.scoreboardRow)
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SCOREBOARD_SURGES), serdes.key, serdes.tally));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SCOREBOARD_MARKS), serdes.key, Serdes.String()));
        written(changelog(SCOREBOARD), ScoreboardRow.getClassSchema());
        written(changelog(SCOREBOARD_SURGES), ScreeningTally.getClassSchema());
        KStream<String, ScreeningTally> byOrigin = byOrigin(arrivals, "arrival-tallies-by-origin")
                .merge(byOrigin(checks, "result-tallies-by-origin"), Named.as("arrival-and-result-tallies"))
                .merge(byOrigin(surges.flatMap((id, a) -> ScreeningTallies.ofSurge(a), Named.as("surge-tallies")), "surge-tallies-by-origin"),
                        Named.as("all-tallies"));
        return byOrigin.process(() -> new ScreeningScoreboard(SCOREBOARD, SCOREBOARD_SURGES, SCOREBOARD_MARKS),
                        Named.as("keep-scoreboard"), SCOREBOARD, SCOREBOARD_SURGES, SCOREBOARD_MARKS)
                .split(Named.as("scoreboard-"))
                .branch((id, a) -> a.getType() == AlertType.DISPLACEMENT, Branched.as("displacements"))
                .defaultBranch(Branched.as("notices"));
    }

    /** One origin's tallies in one partition; every tally topic has the same partitions, so they meet in one task. */
    private KStream<String, ScreeningTally> byOrigin(KStream<String, ScreeningTally> tallies, String name) {
        written(internal(name + "-repartition"), ScreeningTally.getClassSchema());
        return tallies.repartition(Repartitioned.with(serdes.key, serdes.tally).withName(name)
                .withNumberOfPartitions(Topics.ALERT_PARTITIONS));
    }

    /**
     * What screening knows: each entity's latest seizure and suspicion, and each entity's and route's latest case, on
     * a compacted topic every instance reads back as a global store.
     */
    private void shareIntelligence(KStream<String, Sighting> entitySightings, KStream<String, Alert> alerts) {
        // Two sinks, not a merge: a merge would join the input and case steps into one sub-topology.
        entitySightings.map(IntelligenceFacts::ofSighting, Named.as("sighting-intelligence"))
                .to(Topics.SCREENING_INTELLIGENCE, Produced.with(serdes.key, serdes.intelligence).withName("sighting-intelligence-sink"));
        alerts.flatMap((id, a) -> IntelligenceFacts.ofCase(a), Named.as("case-intelligence"))
                .to(Topics.SCREENING_INTELLIGENCE, Produced.with(serdes.key, serdes.intelligence).withName("case-intelligence-sink"));
        written(Topics.SCREENING_INTELLIGENCE, IntelligenceFact.getClassSchema());
    }

    private KStream<String, Sighting> repartitioned(KStream<String, Sighting> sightings, String name) {
        written(internal(name + "-repartition"), Sighting.getClassSchema());
        return sightings.repartition(Repartitioned.with(serdes.key, serdes.sighting).withName(name));
    }

    /** Registers the value schema of a topic the topology writes, under the subject its serializer will use. */
    private void written(String topic, Schema schema) {
        registry.register(WireFormat.subject(topic, false), schema);
    }

    private String internal(String name) {
        return config.applicationId() + "-" + name;
    }

    private String changelog(String store) {
        return internal(store + "-changelog");
    }

    private static AlertDelivery audit(Delivery d) {
        Alert a = d.getAlert();
        return new AlertDelivery(a.getAlertId(), d.getRecipient(), d.getTopic(), d.getBasis(), a.getHandlingCode(),
                d.getRedacted(), a.getRuleId(), a.getRuleVersion(), a.getRaisedAt(), d.getDeliveredAt(), a.getRevision(),
                d.getWithheldBecause());
    }

    /** The entity rules. */
    public static List<PairRule> entityRules(AllianceConfig config) {
        return List.of(new CrossPortEntityRule(), new SuspicionConfirmedRule(), new CloneContainerRule(config.cloneWithin()),
                new VesselRepeatRule());
    }

    /**
     * The topology-level settings that must hold wherever the topology is built, tests included: every resource named,
     * the processing-exception handler on the global thread too, and the alerts table restored from its own topic
     * (alliance.alerts.v1) rather than a copy of it in a changelog.
     */
    private static Properties topologySettings() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "naming-check");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
        return p;
    }
}
