package eu.portalliance.topology.surge;

import eu.portalliance.avro.Alert;
import eu.portalliance.topology.alerts.AlertFactory;
import eu.portalliance.topology.avro.RouteWindow;
import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.reference.RiskOriginLookup;
import eu.portalliance.topology.rules.RiskOriginRule;
import eu.portalliance.topology.rules.RouteSurgeRule;
import eu.portalliance.topology.correlate.FindingsSeen;
import eu.portalliance.topology.query.EntityRef;
import eu.portalliance.topology.query.RouteKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * Rule R13 over each route's tumbling windows. A window is first judged when stream time passes its end plus grace,
 * against the mean of the route's previous windows. Unlike a windowed aggregation, a seizure that arrives after its
 * window was judged is still counted, and the window judged again: a replay, a backfill after an outage or a port's
 * late batch reaches the rule in whatever order the upstream tasks interleave it, often days apart, and dropping
 * those seizures silenced R13 exactly when history was being re-examined.
 */
public final class RouteSurgeDetector implements Processor<String, Sighting, String, Alert> {
    private static final String CLOSED_UP_TO = "closed-up-to";

    private final String windowStoreName;
    private final String progressStoreName;
    private final String findingsStoreName;
    private final String riskStoreName;
    private final RouteSurgeRule rule;
    private final long size;
    private final long grace;
    private final long retention;
    private final int baselineWindows;
    private final RiskOriginRule riskRule = new RiskOriginRule();
    private AlertFactory alerts;
    private RiskOriginRule.Lookup riskOrigins;
    private FindingsSeen findings;
    private ProcessorContext<String, Alert> context;
    private TimestampedWindowStore<String, RouteWindow> windows;
    private KeyValueStore<String, Long> progress;
    private Sensor tooOld;
    private Sensor rejudged;

    public RouteSurgeDetector(String windowStoreName, String progressStoreName, String findingsStoreName, String riskStoreName,
                              RouteSurgeRule rule, Duration size, Duration grace, Duration retention, int baselineWindows) {
        this.windowStoreName = windowStoreName;
        this.progressStoreName = progressStoreName;
        this.findingsStoreName = findingsStoreName;
        this.riskStoreName = riskStoreName;
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
        this.findings = new FindingsSeen(context.getStateStore(findingsStoreName));
        this.riskOrigins = RiskOriginLookup.in(context, riskStoreName);
        this.alerts = new AlertFactory(riskOrigins);
        tooOld = context.metrics().addRateTotalSensor("alliance", "detect-route-surges", "expired-seizures", Sensor.RecordingLevel.INFO);
        rejudged = context.metrics().addRateTotalSensor("alliance", "detect-route-surges", "rejudged-windows", Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(Record<String, Sighting> record) {
        long t = record.value().getEventTime().toEpochMilli();
        long start = t - Math.floorMod(t, size);
        long streamTime = context.currentStreamTimeMs();
        if (start + size + retention <= streamTime) {
            tooOld.record();
            return;
        }
        RouteWindow before = valueOf(windows.fetch(record.key(), start));
        Sighting seizure = record.value();
        RouteWindow after = RouteWindows.add(seizure, riskRule.assess(seizure.getRouteCodes(), t, riskOrigins),
                before == null ? RouteWindows.empty() : before);
        if (after == before) {
            return;
        }
        windows.put(record.key(), ValueAndTimestamp.make(after, after.getLastEventTime()), start);

        Long closedUpTo = progress.get(CLOSED_UP_TO);
        if (closedUpTo != null && start + size <= closedUpTo) {
            rejudged.record();
            judge(record.key(), start, after, before);
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
        closed.forEach(kv -> judge(kv.key.key(), kv.key.window().start(), kv.value.value(), null));
    }

    /**
     * Judges {@code window}; when it is a closed window changed by a late seizure, {@code before} is what it held until
     * then. If that already qualified, its alert was raised when it was judged with it (baselines only grow as seizures
     * are added), so the same finding is not sent through the alert pipeline again.
     */
    private void judge(String key, long start, RouteWindow window, RouteWindow before) {
        RouteKey route = RouteKey.parse(EntityRef.fromStoreKey(key).id());
        List<Integer> previous = new ArrayList<>();
        for (int i = 1; i <= baselineWindows; i++) {
            RouteWindow w = valueOf(windows.fetch(key, start - i * size));
            previous.add(w == null ? 0 : w.getCount());
        }
        if (before != null && rule.evaluate(route, start, start + size, before, previous).isPresent()) {
            return;
        }
        rule.evaluate(route, start, start + size, window, previous)
                .map(alerts::alert)
                .filter(alert -> findings.firstTime(alert.getAlertId(), alert.getRaisedAt().toEpochMilli()))
                .ifPresent(alert -> context.forward(new Record<>(alert.getAlertId(), alert, alert.getRaisedAt().toEpochMilli())));
    }

    private static RouteWindow valueOf(ValueAndTimestamp<RouteWindow> v) {
        return v == null ? null : v.value();
    }
}
