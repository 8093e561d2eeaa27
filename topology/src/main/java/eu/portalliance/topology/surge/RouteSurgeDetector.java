package eu.portalliance.topology.surge;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.CaseStatus;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.RuleHit;
import eu.portalliance.topology.avro.OriginWeek;
import eu.portalliance.topology.avro.RouteWindow;
import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.cases.CaseAlerts;
import eu.portalliance.topology.cases.CaseIds;
import eu.portalliance.topology.cases.CaseScore;
import eu.portalliance.topology.cases.PortOriginWeeks;
import eu.portalliance.topology.query.EntityRef;
import eu.portalliance.topology.query.RouteKey;
import eu.portalliance.topology.reference.Reference;
import eu.portalliance.topology.rules.Finding;
import eu.portalliance.topology.rules.Poisson;
import eu.portalliance.topology.rules.RouteSurgeRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Rule R13 over each route's tumbling windows; a window that qualifies is a case. A window is first judged when stream
 * time passes its end plus grace, against the mean of the route's previous windows. A seizure that arrives after that
 * is still counted, and everything it changes is judged again: its own window (new evidence is the case's next
 * revision) and the windows whose baseline it raised (a case whose surge no longer stands is withdrawn). So the cases
 * that stand in the end depend on the seizures, not on the order a replay or a late batch delivered them in.
 */
public final class RouteSurgeDetector implements Processor<String, Sighting, String, Alert> {
    private static final String CLOSED_UP_TO = "closed-up-to";

    private final String windowStoreName;
    private final String progressStoreName;
    private final String originsStoreName;
    private final RouteSurgeRule rule;
    private final long size;
    private final long grace;
    private final long retention;
    private final int baselineWindows;
    private CaseAlerts alerts;
    private ProcessorContext<String, Alert> context;
    private TimestampedWindowStore<String, RouteWindow> windows;
    private KeyValueStore<String, Long> progress;
    private PortOriginWeeks origins;
    private Reference reference;
    private Sensor tooOld;
    private Sensor rejudged;

    public RouteSurgeDetector(String windowStoreName, String progressStoreName, String originsStoreName, RouteSurgeRule rule,
                              Duration size, Duration grace, Duration retention, int baselineWindows) {
        this.windowStoreName = windowStoreName;
        this.progressStoreName = progressStoreName;
        this.originsStoreName = originsStoreName;
        this.rule = rule;
        this.size = size.toMillis();
        this.grace = grace.toMillis();
        this.retention = retention.toMillis();
        this.baselineWindows = baselineWindows;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.windows = context.getStateStore(windowStoreName);
        this.progress = context.getStateStore(progressStoreName);
        this.origins = new PortOriginWeeks(context.<KeyValueStore<String, OriginWeek>>getStateStore(originsStoreName));
        this.reference = Reference.in(context);
        this.alerts = new CaseAlerts(reference.riskOrigins());
        tooOld = context.metrics().addRateTotalSensor("alliance", "detect-route-surges", "expired-seizures", Sensor.RecordingLevel.INFO);
        rejudged = context.metrics().addRateTotalSensor("alliance", "detect-route-surges", "rejudged-windows", Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(Record<String, Sighting> record) {
        Sighting seizure = record.value();
        long t = seizure.getEventTime().toEpochMilli();
        long start = t - Math.floorMod(t, size);
        long streamTime = context.currentStreamTimeMs();
        if (start + size + retention <= streamTime) {
            tooOld.record();
            return;
        }
        RouteWindow before = valueOf(windows.fetch(record.key(), start));
        RouteWindow after = RouteWindows.add(seizure, alerts.risk(seizure.getRouteCodes(), t),
                before == null ? RouteWindows.empty() : before);
        if (after == before) {
            return;
        }
        windows.put(record.key(), ValueAndTimestamp.make(after, after.getLastEventTime()), start);

        Long closedUpTo = progress.get(CLOSED_UP_TO);
        if (closedUpTo != null && start + size <= closedUpTo) {
            rejudged.record();
            // This window has new evidence; the next ones have a new baseline.
            for (int i = 0; i <= baselineWindows && start + (i + 1) * size <= closedUpTo; i++) {
                judge(record.key(), start + i * size);
            }
        }
        long boundary = Math.floorDiv(streamTime - grace, size) * size;
        if (closedUpTo == null || boundary > closedUpTo) {
            judgeWindowsEndingIn(closedUpTo == null ? Long.MIN_VALUE : closedUpTo, boundary);
            progress.put(CLOSED_UP_TO, boundary);
        }
    }

    /** Judges every window whose end falls in (from, to]: the windows that stream time has just closed. */
    private void judgeWindowsEndingIn(long from, long to) {
        Instant firstStart = Instant.ofEpochMilli(from == Long.MIN_VALUE ? 0 : Math.max(0, from - size + 1));
        Instant lastStart = Instant.ofEpochMilli(to - size);
        if (lastStart.isBefore(firstStart)) {
            return;
        }
        List<KeyValue<Windowed<String>, ValueAndTimestamp<RouteWindow>>> closed = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, ValueAndTimestamp<RouteWindow>> it = windows.fetchAll(firstStart, lastStart)) {
            it.forEachRemaining(closed::add);
        }
        closed.forEach(kv -> judge(kv.key.key(), kv.key.window().start()));
    }

    /**
     * Judges the window at {@code start} against its baseline, and publishes what changed: a new case, its next
     * revision when it holds more seizures than last published, or its withdrawal when it no longer qualifies.
     */
    private void judge(String key, long start) {
        RouteWindow window = valueOf(windows.fetch(key, start));
        if (window == null) {
            return;
        }
        RouteKey route = RouteKey.parse(EntityRef.fromStoreKey(key).id());
        List<Integer> previous = new ArrayList<>();
        for (int i = 1; i <= baselineWindows; i++) {
            RouteWindow w = valueOf(windows.fetch(key, start - i * size));
            previous.add(w == null ? 0 : w.getCount());
        }
        Optional<Finding> finding = rule.evaluate(route, start, start + size, window, previous);
        double usual = rule.usualRate(previous);
        CaseScore.Surge surge = new CaseScore.Surge(window.getCount(), usual, Poisson.surprise(window.getCount(), usual));
        RouteWindow.Builder next = RouteWindow.newBuilder(window);
        if (finding.isPresent() && (!window.getCaseOpen() || window.getCount() > window.getCaseCount())) {
            long firstRaisedAt = window.getCaseFirstRaisedAt() > 0 ? window.getCaseFirstRaisedAt() : window.getLastEventTime();
            next.setCaseRevision(window.getCaseRevision() + 1).setCaseOpen(true).setCaseCount(window.getCount())
                    .setCaseFirstRaisedAt(firstRaisedAt);
            publish(route, start, finding.get(), surge, next.getCaseRevision(), CaseStatus.OPEN, firstRaisedAt);
        } else if (finding.isEmpty() && window.getCaseOpen()) {
            next.setCaseRevision(window.getCaseRevision() + 1).setCaseOpen(false);
            publish(route, start, rule.describe(route, start, start + size, window, previous), surge, next.getCaseRevision(),
                    CaseStatus.WITHDRAWN, window.getCaseFirstRaisedAt());
        } else {
            return;
        }
        RouteWindow judged = next.build();
        windows.put(key, ValueAndTimestamp.make(judged, judged.getLastEventTime()), start);
    }

    private void publish(RouteKey route, long start, Finding f, CaseScore.Surge surge, int revision, CaseStatus status, long firstRaisedAt) {
        List<RuleHit> hits = List.of(new RuleHit(rule.id(), rule.version(), f.type(), f.reasons()));
        var share = origins.share(route.port(), route.origin(), f.evidence().lastEventTime());
        double unusual = CaseScore.unusualRisk(alerts.risk(List.of(route.origin()), f.evidence().lastEventTime()).level(), share);
        int seizures = f.evidence().eventIds().size();
        Alert alert = alerts.alert(new CaseAlerts.Draft(CaseIds.ofRouteWindow(route.toString(), start), revision, status, null,
                firstRaisedAt, EntityType.ROUTE, route.toString(), f.evidence(), hits, f.summary(), f.recommendedAction(),
                List.of(), Map.copyOf(f.attributes()), new CaseScore.Facts(seizures, 1, f.evidence().kilograms(), false, false,
                false, unusual, reference.precision(hits), surge, null)));
        context.forward(new Record<>(alert.getAlertId(), alert, alert.getRaisedAt().toEpochMilli()));
    }

    private static RouteWindow valueOf(ValueAndTimestamp<RouteWindow> v) {
        return v == null ? null : v.value();
    }
}
