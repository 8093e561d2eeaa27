package eu.portalliance.topology.surge;

import eu.portalliance.avro.Alert;
import eu.portalliance.topology.alerts.AlertFactory;
import eu.portalliance.topology.avro.RouteBaseline;
import eu.portalliance.topology.avro.RouteWindow;
import eu.portalliance.topology.rules.RouteSurgeRule;
import eu.portalliance.topology.sightings.SightingFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Receives each route's windows as they close, in order, judges each against the route's trailing baseline
 * (rule R13), then records it in the baseline.
 */
public final class RouteSurgeDetector implements Processor<Windowed<String>, RouteWindow, String, Alert> {
    private final String storeName;
    private final RouteSurgeRule rule;
    private final long windowSize;
    private final int baselineWindows;
    private final AlertFactory alerts = new AlertFactory();
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, RouteBaseline> baselines;

    public RouteSurgeDetector(String storeName, RouteSurgeRule rule, Duration windowSize, int baselineWindows) {
        this.storeName = storeName;
        this.rule = rule;
        this.windowSize = windowSize.toMillis();
        this.baselineWindows = baselineWindows;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.baselines = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<Windowed<String>, RouteWindow> record) {
        String route = SightingFactory.idOf(record.key().key());
        long start = record.key().window().start();
        RouteBaseline baseline = baselines.get(route);
        List<Long> starts = baseline == null ? new ArrayList<>() : new ArrayList<>(baseline.getWindowStarts());
        List<Integer> counts = baseline == null ? new ArrayList<>() : new ArrayList<>(baseline.getCounts());

        List<Integer> previous = new ArrayList<>();
        for (int i = 1; i <= baselineWindows; i++) {
            long wanted = start - i * windowSize;
            int at = starts.indexOf(wanted);
            previous.add(at < 0 ? 0 : counts.get(at));
        }
        rule.evaluate(route, start, record.key().window().end(), record.value(), previous)
                .map(alerts::alert)
                .ifPresent(alert -> context.forward(new Record<>(alert.getAlertId(), alert, record.timestamp())));

        starts.add(start);
        counts.add(record.value().getCount());
        while (starts.size() > baselineWindows) {
            starts.remove(0);
            counts.remove(0);
        }
        baselines.put(route, new RouteBaseline(starts, counts));
    }
}
