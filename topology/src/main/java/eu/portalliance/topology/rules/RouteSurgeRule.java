package eu.portalliance.topology.rules;

import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.Party;
import eu.portalliance.avro.Severity;
import eu.portalliance.topology.avro.RouteWindow;
import eu.portalliance.topology.query.RouteKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * R13: seizures on an origin → port route in one closed tumbling window, against the route's trailing baseline
 * (the mean of the previous windows, a window without seizures counting as zero). A route that suddenly carries
 * many seizures is where traffic moved — displacement from a port that tightened.
 */
public final class RouteSurgeRule implements Rule {
    private final double factor;
    private final int minimum;

    public RouteSurgeRule(double factor, int minimum) {
        this.factor = factor;
        this.minimum = minimum;
    }

    @Override
    public String id() {
        return "R13";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String description() {
        return "Seizures on an origin → port route in a window reach the minimum and exceed the trailing baseline by the factor";
    }

    /**
     * @param previousCounts seizure counts of the baseline windows before this one (zeros for empty windows)
     */
    public Optional<Finding> evaluate(RouteKey route, long windowStart, long windowEnd, RouteWindow window,
                                      List<Integer> previousCounts) {
        double baseline = previousCounts.isEmpty() ? 0
                : previousCounts.stream().mapToInt(Integer::intValue).sum() / (double) previousCounts.size();
        double threshold = Math.max(minimum, factor * baseline);
        if (window.getCount() < threshold) {
            return Optional.empty();
        }
        String port = route.port();
        String origin = route.origin();
        Severity severity = window.getCount() >= 2 * threshold ? Severity.HIGH : Severity.MEDIUM;
        Evidence evidence = new Evidence(window.getEventIds(), Set.of(port), window.getHandlingCode(),
                window.getHandlingRestrictions(), window.getKilograms(), window.getFirstEventTime(),
                window.getLastEventTime(), List.<Party>of(), List.of(),
                new RiskOriginRule.Assessment(window.getRiskLevel(), window.getRiskReasons()), List.of(), List.of(origin), List.of());
        String summary = String.format("Route %s → %s: %d seizures (%.1f kg) in the window from %s, against a baseline of %.1f per window",
                origin, port, window.getCount(), window.getKilograms(), Instant.ofEpochMilli(windowStart), baseline);
        return Optional.of(new Finding(this, AlertType.ROUTE_SURGE, severity,
                List.of(String.format("%d seizures against a baseline of %.1f", window.getCount(), baseline)),
                EntityType.ROUTE, route.toString(), evidence, List.of(), summary,
                "Raise the inspection rate on " + origin + " cargo at " + port + " and at its neighbours",
                Map.of("windowStart", Instant.ofEpochMilli(windowStart).toString(),
                        "windowEnd", Instant.ofEpochMilli(windowEnd).toString(),
                        "count", Integer.toString(window.getCount()),
                        "baseline", String.format("%.2f", baseline)),
                "ROUTE:" + route + ":" + windowStart));
    }
}
