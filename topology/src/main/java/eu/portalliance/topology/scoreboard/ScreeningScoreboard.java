package eu.portalliance.topology.scoreboard;

import eu.portalliance.avro.Alert;
import eu.portalliance.topology.avro.ScoreboardRow;
import eu.portalliance.topology.avro.ScreeningTally;
import eu.portalliance.topology.avro.TallyKind;
import eu.portalliance.topology.rules.DisplacementRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The scoreboard, one origin's traffic to every port in one place: counts per week of arrival, origin and port; once
 * a week is over (and its late results had {@link #GRACE} to come in) the week is judged: a port well below the rest
 * of the alliance on a risk route gets its notice ({@link ScanRateCheck}), and a port taking a rising share of an
 * origin after a route surge elsewhere gets a displacement case (R14). Rows older than {@link #RETENTION_WEEKS} leave
 * the store when a week is judged, so the state is bounded by weeks × origins × ports.
 * <p>
 * The scoreboard keeps its own clock: the latest notice time (and surge) it has counted. Results do not move it. A
 * result is counted in its arrival's week, however late it is reported; were its report time to move the clock, one
 * check of an old call reported today would close and forget every week since.
 */
public final class ScreeningScoreboard implements Processor<String, ScreeningTally, String, Alert> {
    public static final Duration GRACE = Duration.ofDays(3);
    public static final int RETENTION_WEEKS = 26;
    private static final String JUDGED = "judged";
    private static final String CLOCK = "clock";
    private static final String REVISION = "r14|";
    private static final char SEPARATOR = '|';

    private final String rowsStore;
    private final String surgesStore;
    private final String marksStore;
    private final DisplacementRule displacement = new DisplacementRule();
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, ScoreboardRow> rows;
    private KeyValueStore<String, ScreeningTally> surges;
    private KeyValueStore<String, String> marks;
    private long clock;
    /** The last week judged (null before the first judgement), and the first week still kept: read once, not per tally. */
    private String judged;
    private String keptFrom = "";

    public ScreeningScoreboard(String rowsStore, String surgesStore, String marksStore) {
        this.rowsStore = rowsStore;
        this.surgesStore = surgesStore;
        this.marksStore = marksStore;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.rows = context.getStateStore(rowsStore);
        this.surges = context.getStateStore(surgesStore);
        this.marks = context.getStateStore(marksStore);
        String saved = marks.get(CLOCK);
        clock = saved == null ? Long.MIN_VALUE : Long.parseLong(saved);
        judged(marks.get(JUDGED));
    }

    @Override
    public void process(Record<String, ScreeningTally> record) {
        ScreeningTally t = record.value();
        if (t.getKind() == TallyKind.SURGE) {
            String key = t.getOrigin() + SEPARATOR + t.getWeek() + SEPARATOR + t.getPort() + SEPARATOR + t.getCaseId();
            if (t.getOpen()) {
                surges.put(key, t);
            } else {
                surges.delete(key);
            }
        } else {
            count(t);
        }
        if (t.getKind() != TallyKind.RESULT && t.getEventTime().toEpochMilli() > clock) {
            clock = t.getEventTime().toEpochMilli();
            marks.put(CLOCK, Long.toString(clock));
            judgeClosedWeeks(clock);
        }
    }

    private void count(ScreeningTally t) {
        if (t.getWeek().compareTo(keptFrom) < 0) {
            return; // its week has left the scoreboard; the result itself still counts in the hit rates
        }
        String key = ScoreboardRows.key(t.getWeek(), t.getOrigin(), t.getPort());
        ScoreboardRow row = rows.get(key);
        rows.put(key, ScoreboardRows.add(row != null ? row : ScoreboardRows.empty(t), t));
    }

    /** Every week whose grace ended by {@code now} (the scoreboard's clock) and is not judged yet, oldest first. */
    private void judgeClosedWeeks(long now) {
        String last = Weeks.of(Instant.ofEpochMilli(now).minus(GRACE).minus(Duration.ofDays(7)));
        if (judged != null && judged.compareTo(last) >= 0) {
            return;
        }
        String from = judged == null ? "" : Weeks.plus(judged, 1);
        Map<String, Map<String, List<ScoreboardRow>>> byWeekAndOrigin = new TreeMap<>();
        try (KeyValueIterator<String, ScoreboardRow> it = rows.range(from, last + SEPARATOR + '~')) {
            it.forEachRemaining(kv -> byWeekAndOrigin.computeIfAbsent(kv.value.getWeek(), w -> new TreeMap<>())
                    .computeIfAbsent(kv.value.getOrigin(), o -> new ArrayList<>()).add(kv.value));
        }
        byWeekAndOrigin.forEach((week, origins) -> origins.forEach((origin, weekRows) -> {
            ScanRateCheck.shortfalls(weekRows).forEach(s -> emit(ScreeningAlerts.scanRateNotice(s), now));
            judgeDisplacement(week, origin, weekRows, now);
        }));
        marks.put(JUDGED, last);
        judged(last);
        forgetBefore(keptFrom);
    }

    private void judged(String week) {
        judged = week;
        keptFrom = week == null ? "" : Weeks.plus(week, -RETENTION_WEEKS);
    }

    private void judgeDisplacement(String week, String origin, List<ScoreboardRow> weekRows, long now) {
        List<ScreeningTally> recent = new ArrayList<>();
        try (KeyValueIterator<String, ScreeningTally> it = surges.prefixScan(origin + SEPARATOR, new StringSerializer())) {
            it.forEachRemaining(kv -> {
                String surgeWeek = kv.value.getWeek();
                if (surgeWeek.compareTo(week) < 0 && Weeks.plus(surgeWeek, DisplacementRule.FOLLOWING_WEEKS).compareTo(week) >= 0) {
                    recent.add(kv.value);
                }
            });
        }
        if (recent.isEmpty()) {
            return;
        }
        Map<String, Long> arrivals = arrivalsByPort(weekRows);
        for (ScreeningTally surge : recent) {
            Map<String, Long> baseline = new LinkedHashMap<>();
            for (int i = DisplacementRule.BASELINE_WEEKS; i >= 1; i--) {
                arrivalsByPort(rowsOf(Weeks.plus(surge.getWeek(), -i), origin)).forEach((p, n) -> baseline.merge(p, n, Long::sum));
            }
            for (DisplacementRule.Target target : displacement.judge(surge.getPort(), arrivals, baseline)) {
                String revisionKey = REVISION + origin + SEPARATOR + target.port() + SEPARATOR + surge.getCaseId();
                String previous = marks.get(revisionKey);
                int revision = previous == null ? 1 : Integer.parseInt(previous.substring(0, previous.indexOf(SEPARATOR))) + 1;
                Instant first = previous == null ? Weeks.end(week) : Instant.parse(previous.substring(previous.indexOf(SEPARATOR) + 1));
                marks.put(revisionKey, revision + "" + SEPARATOR + first);
                emit(ScreeningAlerts.displacement(displacement, origin, week, surge, target, revision, first), now);
            }
        }
    }

    private List<ScoreboardRow> rowsOf(String week, String origin) {
        List<ScoreboardRow> out = new ArrayList<>();
        try (KeyValueIterator<String, ScoreboardRow> it = rows.prefixScan(week + SEPARATOR + origin + SEPARATOR, new StringSerializer())) {
            it.forEachRemaining(kv -> out.add(kv.value));
        }
        return out;
    }

    private static Map<String, Long> arrivalsByPort(List<ScoreboardRow> rows) {
        Map<String, Long> out = new TreeMap<>();
        rows.forEach(r -> out.merge(r.getPort(), r.getArrivals(), Long::sum));
        return out;
    }

    private void forgetBefore(String week) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, ScoreboardRow> it = rows.range("", week)) {
            it.forEachRemaining(kv -> old.add(kv.key));
        }
        old.forEach(rows::delete);
        List<String> oldSurges = new ArrayList<>();
        try (KeyValueIterator<String, ScreeningTally> it = surges.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.getWeek().compareTo(week) < 0) {
                    oldSurges.add(kv.key);
                }
            });
        }
        oldSurges.forEach(surges::delete);
    }

    private void emit(Alert alert, long now) {
        context.forward(new Record<>(alert.getAlertId(), alert, now));
    }
}
