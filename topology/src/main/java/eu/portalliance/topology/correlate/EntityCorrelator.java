package eu.portalliance.topology.correlate;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.CaseStatus;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.RiskLevel;
import eu.portalliance.avro.RuleHit;
import eu.portalliance.topology.avro.CaseComponent;
import eu.portalliance.topology.avro.CaseState;
import eu.portalliance.topology.avro.EvidenceRef;
import eu.portalliance.topology.avro.OriginWeek;
import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.avro.SightingKind;
import eu.portalliance.topology.avro.SightingSet;
import eu.portalliance.topology.cases.CaseAlerts;
import eu.portalliance.topology.cases.CaseGraph;
import eu.portalliance.topology.cases.CaseScore;
import eu.portalliance.topology.cases.OriginMix;
import eu.portalliance.topology.cases.PortOriginWeeks;
import eu.portalliance.topology.query.EntityRef;
import eu.portalliance.topology.reference.Reference;
import eu.portalliance.topology.rules.Evidence;
import eu.portalliance.topology.rules.PairRule;
import eu.portalliance.topology.rules.Sightings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Makes each entity's cases. Sightings are stored one per (entity, event time), in a store indexed by time: a new
 * sighting is one small write whatever the entity's history, and old ones leave by the store's retention. A sighting
 * that some rule can use is paired with the entity's other such sightings within the window; each pair a rule finds
 * something in joins the entity's cases (see {@link CaseGraph}), and every case that changed publishes its next
 * revision. What is routine for an entity (a big carrier's vessel flagged at each port of its rotation, a big
 * importer's boxes flagged everywhere) is never relevant, so it costs one write and no reading; it is kept under the
 * entity's routine key ({@link EntityRef#routineKey}), so it costs the pairing of a later seizure no reading either.
 * <p>
 * Order does not matter: a pair is found when the later of its two sightings arrives, so the same input ends in the same
 * pairs, cases and ids. A replayed event changes nothing. A sighting older than the store keeps (twice the window
 * and grace behind the newest one this task has seen) is counted as late and not correlated.
 */
public final class EntityCorrelator implements Processor<String, Sighting, String, Alert> {
    private static final long DAY = Duration.ofDays(1).toMillis();
    private final String sightingsStore;
    private final String casesStore;
    private final String originsStore;
    private final List<PairRule> rules;
    private final long window;
    private final long retention;
    private final double seizuresPerFlag;
    private ProcessorContext<String, Alert> context;
    private WindowStore<String, SightingSet> sightings;
    private KeyValueStore<String, CaseState> cases;
    private PortOriginWeeks origins;
    private Reference reference;
    private CaseAlerts alerts;
    private Sensor late;
    private Sensor replays;
    private long newestSeen = Long.MIN_VALUE;

    /**
     * @param retention       how long the sightings store keeps a sighting, behind the newest one
     * @param seizuresPerFlag the alliance's seizures per risk flag: what a vessel's or party's flags bring anyway
     */
    public EntityCorrelator(String sightingsStore, String casesStore, String originsStore, List<PairRule> rules,
                            Duration window, Duration retention, double seizuresPerFlag) {
        this.sightingsStore = sightingsStore;
        this.casesStore = casesStore;
        this.originsStore = originsStore;
        this.rules = rules;
        this.window = window.toMillis();
        this.retention = retention.toMillis();
        this.seizuresPerFlag = seizuresPerFlag;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.sightings = context.getStateStore(sightingsStore);
        this.cases = context.getStateStore(casesStore);
        this.origins = new PortOriginWeeks(context.<KeyValueStore<String, OriginWeek>>getStateStore(originsStore));
        this.reference = Reference.in(context);
        this.alerts = new CaseAlerts(reference.riskOrigins());
        late = context.metrics().addRateTotalSensor("alliance", "correlate-entities", "late-sightings", Sensor.RecordingLevel.INFO);
        replays = context.metrics().addRateTotalSensor("alliance", "correlate-entities", "replayed-sightings", Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(Record<String, Sighting> record) {
        String key = record.key();
        Sighting sighting = record.value();
        long t = sighting.getEventTime().toEpochMilli();
        EntityType type = EntityRef.fromStoreKey(key).type();
        List<PairRule> applicable = rules.stream().filter(r -> r.relevant(type, sighting)).toList();
        String storedAt = applicable.isEmpty() ? EntityRef.routineKey(key) : key;
        SightingSet sameTime = sightings.fetch(storedAt, t);
        if (sameTime != null && sameTime.getSightings().stream().anyMatch(s -> s.getEventId().equals(sighting.getEventId()))) {
            replays.record();
            return;
        }
        if (newestSeen != Long.MIN_VALUE && t < newestSeen - retention) {
            late.record();
            return;
        }
        newestSeen = Math.max(newestSeen, t);
        if (type == EntityType.CONTAINER && !sighting.getRouteCodes().isEmpty()) {
            origins.count(sighting.getPort(), sighting.getRouteCodes(), t);
        }
        List<Sighting> now = new ArrayList<>(sameTime == null ? List.of() : sameTime.getSightings());
        now.add(sighting);
        sightings.put(storedAt, new SightingSet(now), t);

        if (!applicable.isEmpty()) {
            List<CaseGraph.Edge> edges = pairs(key, type, sighting, applicable);
            if (!edges.isEmpty()) {
                join(key, type, sighting, edges);
            }
        }
    }

    /** Every finding between {@code latest} and the entity's other relevant sightings within the window. */
    private List<CaseGraph.Edge> pairs(String key, EntityType type, Sighting latest, List<PairRule> applicable) {
        long t = latest.getEventTime().toEpochMilli();
        List<CaseGraph.Edge> edges = new ArrayList<>();
        try (WindowStoreIterator<SightingSet> it = sightings.fetch(key, t - window, t + window)) {
            while (it.hasNext()) {
                for (Sighting other : it.next().value.getSightings()) {
                    if (other.getEventId().equals(latest.getEventId())) {
                        continue;
                    }
                    for (PairRule rule : applicable) {
                        if (rule.relevant(type, other)) {
                            rule.finds(type, latest, other, reference.neighbours()).ifPresent(reason -> edges.add(
                                    new CaseGraph.Edge(ref(other), rule.id(), rule.version(), reason)));
                        }
                    }
                }
            }
        }
        return edges;
    }

    private void join(String key, EntityType type, Sighting latest, List<CaseGraph.Edge> edges) {
        CaseState state = cases.get(key);
        List<CaseComponent> known = new ArrayList<>(state == null ? List.of() : state.getCases());
        // A case whose newest evidence the store no longer keeps is over; its id can never be extended again.
        known.removeIf(c -> c.getEvidence().get(c.getEvidence().size() - 1).getEventTime() < newestSeen - retention);
        CaseGraph.Join join = CaseGraph.join(key, known, ref(latest), edges);
        for (CaseComponent closed : join.closed()) {
            publish(key, type, closed, load(key, closed.getEvidence()), closed.getRevision() + 1, CaseStatus.MERGED,
                    join.joined().getCaseId());
        }
        CaseComponent joined = join.joined();
        // When the case first had a finding, in event time: the earliest of its findings' later sightings. Each finding
        // is made exactly once, so the minimum is the same whatever order they were made in.
        long t = latest.getEventTime().toEpochMilli();
        for (CaseGraph.Edge e : edges) {
            long found = Math.max(t, e.other().getEventTime());
            joined.setFirstRaisedAt(joined.getFirstRaisedAt() == 0 ? found : Math.min(joined.getFirstRaisedAt(), found));
        }
        List<Sighting> evidence = load(key, joined.getEvidence());
        if (type == EntityType.CONTAINER || !coveredByItsContainer(evidence)) {
            joined.setRevision(joined.getRevision() + 1);
            publish(key, type, joined, evidence, joined.getRevision(), CaseStatus.OPEN, null);
        }
        cases.put(key, new CaseState(join.cases()));
    }

    /**
     * A case on a bill of lading, vessel or party whose evidence is all one container seen at two ports or more: the
     * container's own case holds the same pairs, and one incident makes one case.
     */
    private static boolean coveredByItsContainer(List<Sighting> evidence) {
        return Sightings.oneContainer(evidence) && Sightings.ports(evidence).size() >= 2;
    }

    /** @param evidence the case's sightings, as {@link #load} reads them */
    private void publish(String key, EntityType type, CaseComponent c, List<Sighting> evidence, int revision, CaseStatus status,
                         String mergedInto) {
        EntityRef entity = EntityRef.fromStoreKey(key);
        List<RuleHit> hits = new ArrayList<>();
        Set<String> ruleIds = new LinkedHashSet<>();
        c.getRules().forEach(r -> {
            hits.add(new RuleHit(r.getRuleId(), r.getRuleVersion(), typeOf(r.getRuleId()), r.getReasons()));
            ruleIds.add(r.getRuleId());
        });
        Evidence e = Evidence.of(evidence);
        int seizures = Sightings.seizures(evidence).size();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("portCount", Integer.toString(e.ports().size()));
        attributes.put("seizureCount", Integer.toString(seizures));
        Alert alert = alerts.alert(new CaseAlerts.Draft(c.getCaseId(), revision, status, mergedInto, c.getFirstRaisedAt(),
                type, entity.id(), e, hits, summary(type, entity.id(), hits, evidence), null,
                ruleIds.contains("R12") ? nextPortsOfCall(evidence) : List.of(), attributes,
                new CaseScore.Facts(seizures, e.ports().size(), e.kilograms(), ruleIds.contains("C1"), ruleIds.contains("R6"),
                        !e.insiderReasons().isEmpty(), unusualRisk(evidence), reference.precision(hits), null,
                        routine(key, type, e.lastEventTime()))));
        context.forward(new Record<>(alert.getAlertId(), alert, alert.getRaisedAt().toEpochMilli()));
    }

    /**
     * A vessel's or party's flags count against its case; a box or bill of lading is flagged too seldom to matter. They
     * are counted in the window before the case's newest evidence, up to a day before it: what may still arrive for the
     * last day would make the same input score differently with the order it arrived in.
     */
    private CaseScore.Routine routine(String key, EntityType type, long newestEvidence) {
        if (type != EntityType.VESSEL && type != EntityType.PARTY) {
            return null;
        }
        int flags = 0;
        for (String stored : List.of(key, EntityRef.routineKey(key))) {
            try (WindowStoreIterator<SightingSet> it = sightings.fetch(stored, newestEvidence - window, newestEvidence - DAY - 1)) {
                while (it.hasNext()) {
                    for (Sighting s : it.next().value.getSightings()) {
                        if (s.getKind() == SightingKind.SUSPICION) {
                            flags++;
                        }
                    }
                }
            }
        }
        return new CaseScore.Routine(type == EntityType.VESSEL ? "vessel" : "party", flags, flags * seizuresPerFlag);
    }

    /**
     * The most a risk country on a source's route weighs at the port that received it (see CaseScore.unusualRisk): each
     * country of the route, loading or transshipment, by its own risk level and its own share of the port's traffic.
     */
    private double unusualRisk(List<Sighting> evidence) {
        double most = 0;
        for (Sighting s : evidence) {
            long t = s.getEventTime().toEpochMilli();
            List<OriginWeek> mix = null;
            for (String code : s.getRouteCodes()) {
                RiskLevel level = alerts.risk(List.of(code), t).level();
                if (level != RiskLevel.NONE) {
                    mix = mix == null ? origins.baseline(s.getPort(), t) : mix;
                    most = Math.max(most, CaseScore.unusualRisk(level, OriginMix.share(mix, code)));
                }
            }
        }
        return most;
    }

    private static List<String> nextPortsOfCall(List<Sighting> evidence) {
        for (int i = evidence.size() - 1; i >= 0; i--) {
            if (!evidence.get(i).getNextPortsOfCall().isEmpty()) {
                return List.copyOf(new LinkedHashSet<>(evidence.get(i).getNextPortsOfCall()));
            }
        }
        return List.of();
    }

    private String summary(EntityType type, String id, List<RuleHit> hits, List<Sighting> evidence) {
        List<String> found = new ArrayList<>();
        hits.forEach(h -> found.add(rules.stream().filter(r -> r.id().equals(h.getRuleId())).findFirst()
                .map(r -> h.getRuleId() + " " + r.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).orElse(h.getRuleId())));
        List<String> described = evidence.stream().map(Sightings::describe).toList();
        return Sightings.entityLabel(type) + " " + id + " at " + Sightings.ports(evidence).size() + " alliance ports "
                + Sightings.ports(evidence) + " (" + String.join(", ", found) + "): "
                + String.join("; ", described.size() > 8 ? described.subList(described.size() - 8, described.size()) : described)
                + (described.size() > 8 ? "; and " + (described.size() - 8) + " earlier" : "");
    }

    private eu.portalliance.avro.AlertType typeOf(String ruleId) {
        return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst().map(PairRule::type)
                .orElse(eu.portalliance.avro.AlertType.OTHER);
    }

    /** The case's sightings, read back from the store, oldest first. */
    private List<Sighting> load(String key, List<EvidenceRef> refs) {
        List<Sighting> out = new ArrayList<>(refs.size());
        for (EvidenceRef r : refs) {
            SightingSet at = sightings.fetch(key, r.getEventTime());
            if (at != null) {
                at.getSightings().stream().filter(s -> s.getEventId().equals(r.getEventId())).findFirst().ifPresent(out::add);
            }
        }
        return out;
    }

    private static EvidenceRef ref(Sighting s) {
        return new EvidenceRef(s.getEventTime().toEpochMilli(), s.getEventId());
    }
}
