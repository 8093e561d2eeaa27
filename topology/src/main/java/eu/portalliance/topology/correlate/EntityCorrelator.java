package eu.portalliance.topology.correlate;

import eu.portalliance.avro.Alert;
import eu.portalliance.topology.alerts.AlertFactory;
import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.avro.SightingSet;
import eu.portalliance.topology.reference.RiskOriginLookup;
import eu.portalliance.topology.rules.EntityRule;
import eu.portalliance.topology.rules.Finding;
import eu.portalliance.topology.rules.Gate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Runs the entity rules on every new sighting of an entity. Sightings are stored one per (entity, event time), in a
 * store indexed by time: a new sighting is one small write whatever the entity's history, and old ones leave by the
 * store's retention (a sighting older than that, behind the newest one stored, is dropped by the store and counted in
 * Kafka Streams' dropped-records). An entity's history is read in full only when a rule's gate says it may fire.
 * <p>
 * Time is event time on the entity's own clock: sightings correlate when within {@code window} of each other; a
 * sighting older than the entity's latest by more than {@code window + grace} is late and only counted. A replayed
 * event changes nothing.
 */
public final class EntityCorrelator implements Processor<String, Sighting, String, Alert> {
    // The long-based fetches: the Instant-based ones format a validation message on every call.
    private static final long EARLIEST = 0L;
    private static final long LATEST = Long.MAX_VALUE;

    private final String sightingsStore;
    private final String findingsStore;
    private final String riskStore;
    private final List<EntityRule> rules;
    private final long window;
    private final long grace;
    private final int maxRelated;
    private ProcessorContext<String, Alert> context;
    private WindowStore<String, SightingSet> sightings;
    private FindingsSeen findings;
    private AlertFactory alerts;
    private Sensor late;
    private Sensor replays;

    /** @param maxRelated the most sightings of one entity a rule is given (the most recent ones) */
    public EntityCorrelator(String sightingsStore, String findingsStore, String riskStore, List<EntityRule> rules,
                            Duration window, Duration grace, int maxRelated) {
        this.sightingsStore = sightingsStore;
        this.findingsStore = findingsStore;
        this.riskStore = riskStore;
        this.rules = rules;
        this.window = window.toMillis();
        this.grace = grace.toMillis();
        this.maxRelated = maxRelated;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.sightings = context.getStateStore(sightingsStore);
        this.findings = new FindingsSeen(context.getStateStore(findingsStore));
        this.alerts = new AlertFactory(RiskOriginLookup.in(context, riskStore));
        late = context.metrics().addRateTotalSensor("alliance", "correlate-entities", "late-sightings", Sensor.RecordingLevel.INFO);
        replays = context.metrics().addRateTotalSensor("alliance", "correlate-entities", "replayed-sightings", Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(Record<String, Sighting> record) {
        String entity = record.key();
        Sighting sighting = record.value();
        long t = sighting.getEventTime().toEpochMilli();
        SightingSet sameTime = sightings.fetch(entity, t);
        if (sameTime != null && sameTime.getSightings().stream().anyMatch(s -> s.getEventId().equals(sighting.getEventId()))) {
            replays.record();
            return;
        }
        long horizon = Math.max(latestOf(entity).orElse(t), t) - window - grace;
        if (t < horizon) {
            late.record();
            return;
        }
        List<EntityRule> mayFire = rulesThatMayFire(entity, sighting, Math.max(t - window, horizon), t + window);
        if (!mayFire.isEmpty()) {
            List<Sighting> related = related(entity, t, horizon);
            for (EntityRule rule : mayFire) {
                rule.evaluate(sighting, related).map(this::alert).ifPresent(this::raise);
            }
        }
        List<Sighting> now = new ArrayList<>(sameTime == null ? List.of() : sameTime.getSightings());
        now.add(sighting);
        sightings.put(entity, new SightingSet(now), t);
    }

    private Alert alert(Finding f) {
        return alerts.alert(f);
    }

    private void raise(Alert alert) {
        if (findings.firstTime(alert.getAlertId(), alert.getRaisedAt().toEpochMilli())) {
            context.forward(new Record<>(alert.getAlertId(), alert, alert.getRaisedAt().toEpochMilli()));
        }
    }

    private Optional<Long> latestOf(String entity) {
        try (WindowStoreIterator<SightingSet> newest = sightings.backwardFetch(entity, EARLIEST, LATEST)) {
            return newest.hasNext() ? Optional.of(newest.next().key) : Optional.empty();
        }
    }

    /** Feeds each rule's gate the sightings in [from, to] until every gate has decided or none are left. */
    private List<EntityRule> rulesThatMayFire(String entity, Sighting latest, long from, long to) {
        List<Gate> gates = new ArrayList<>();
        List<Gate.Decision> decisions = new ArrayList<>();
        for (EntityRule rule : rules) {
            gates.add(rule.gate(latest));
            decisions.add(Gate.Decision.UNDECIDED);
        }
        try (WindowStoreIterator<SightingSet> it = sightings.fetch(entity, from, to)) {
            while (it.hasNext() && decisions.contains(Gate.Decision.UNDECIDED)) {
                for (Sighting s : it.next().value.getSightings()) {
                    for (int i = 0; i < gates.size(); i++) {
                        if (decisions.get(i) == Gate.Decision.UNDECIDED) {
                            decisions.set(i, gates.get(i).see(s));
                        }
                    }
                }
            }
        }
        List<EntityRule> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Gate.Decision d = decisions.get(i) == Gate.Decision.UNDECIDED ? gates.get(i).finish() : decisions.get(i);
            if (d == Gate.Decision.MAY_FIRE) {
                out.add(rules.get(i));
            }
        }
        return out;
    }

    /** The entity's most recent sightings since the horizon (at most maxRelated), those within the window, oldest first. */
    private List<Sighting> related(String entity, long t, long horizon) {
        List<Sighting> recent = new ArrayList<>();
        try (WindowStoreIterator<SightingSet> it = sightings.backwardFetch(entity, horizon, LATEST)) {
            while (it.hasNext() && recent.size() < maxRelated) {
                KeyValue<Long, SightingSet> next = it.next();
                recent.addAll(next.value.getSightings());
            }
        }
        return recent.stream().filter(s -> Math.abs(s.getEventTime().toEpochMilli() - t) <= window)
                .sorted(Comparator.comparing(Sighting::getEventTime)).toList();
    }
}
