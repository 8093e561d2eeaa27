package eu.portalliance.topology.correlate;

import eu.portalliance.avro.Alert;
import eu.portalliance.topology.alerts.AlertFactory;
import eu.portalliance.topology.avro.EntityHistory;
import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.rules.EntityRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each entity's recent sightings and runs the entity rules on every new one. Time is event time on the
 * entity's own clock: sightings correlate when within {@code window} of each other; a sighting older than the
 * entity's latest by more than {@code window + grace} is late and is only counted. A replayed event changes nothing.
 */
public final class EntityCorrelator implements Processor<String, Sighting, String, Alert> {
    /**
     * How often, in stream time, entities quiet for longer than window + grace are forgotten. Each pass reads the
     * whole store; once a day keeps it bounded without a backfill (weeks of stream time per minute) spending its
     * time on passes: at every 6 hours they were 9 % of the topology's CPU in the benchmark.
     */
    static final Duration FORGET_INTERVAL = Duration.ofDays(1);
    private final String storeName;
    private final List<EntityRule> rules;
    private final long window;
    private final long grace;
    private final int maxSightings;
    private final AlertFactory alerts = new AlertFactory();
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, EntityHistory> histories;
    private Sensor late;
    private Sensor replays;

    public EntityCorrelator(String storeName, List<EntityRule> rules, Duration window, Duration grace, int maxSightings) {
        this.storeName = storeName;
        this.rules = rules;
        this.window = window.toMillis();
        this.grace = grace.toMillis();
        this.maxSightings = maxSightings;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.histories = context.getStateStore(storeName);
        late = context.metrics().addRateTotalSensor("alliance", "correlate-entities", "late-sightings", Sensor.RecordingLevel.INFO);
        replays = context.metrics().addRateTotalSensor("alliance", "correlate-entities", "replayed-sightings", Sensor.RecordingLevel.INFO);
        context.schedule(FORGET_INTERVAL, PunctuationType.STREAM_TIME, this::forgetQuietEntities);
    }

    @Override
    public void process(Record<String, Sighting> record) {
        Sighting sighting = record.value();
        EntityHistory history = histories.get(record.key());
        List<Sighting> kept = history == null ? new ArrayList<>() : new ArrayList<>(history.getSightings());
        if (kept.stream().anyMatch(s -> s.getEventId().equals(sighting.getEventId()))) {
            replays.record();
            return;
        }
        long t = sighting.getEventTime().toEpochMilli();
        long latest = Math.max(history == null ? t : history.getLatestEventTime(), t);
        long horizon = latest - window - grace;
        if (t < horizon) {
            late.record();
            return;
        }
        kept.removeIf(s -> s.getEventTime().toEpochMilli() < horizon);
        List<Sighting> related = kept.stream()
                .filter(s -> Math.abs(s.getEventTime().toEpochMilli() - t) <= window)
                .toList();
        for (EntityRule rule : rules) {
            rule.evaluate(sighting, related).map(alerts::alert).ifPresent(alert ->
                    context.forward(new Record<>(alert.getAlertId(), alert, alert.getRaisedAt().toEpochMilli())));
        }
        kept.add(sighting);
        kept.sort(Comparator.comparing(Sighting::getEventTime));
        while (kept.size() > maxSightings) {
            kept.remove(0);
        }
        histories.put(record.key(), new EntityHistory(kept, latest));
    }

    private void forgetQuietEntities(long streamTime) {
        long horizon = streamTime - window - grace;
        List<String> quiet = new ArrayList<>();
        try (KeyValueIterator<String, EntityHistory> all = histories.all()) {
            while (all.hasNext()) {
                KeyValue<String, EntityHistory> next = all.next();
                if (next.value.getLatestEventTime() < horizon) {
                    quiet.add(next.key);
                }
            }
        }
        quiet.forEach(histories::delete);
    }
}
