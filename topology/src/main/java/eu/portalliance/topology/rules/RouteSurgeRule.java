package eu.portalliance.topology.rules;

import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.Party;
import eu.portalliance.avro.Severity;
import eu.portalliance.topology.avro.RouteWindow;
import eu.portalliance.topology.query.RouteKey;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * R13: seizures on an origin → port route in one closed tumbling window, against the route's trailing baseline
 * (the mean of the previous windows, a window without seizures counting as zero). A route that suddenly carries
 * many seizures is where traffic moved — displacement from a port that tightened.
 * <p>
 * Version 2 weighs the base rate: most seizures come from a handful of origins, and on those routes a week well above
 * the mean is ordinary noise. A window is a surge when a count at least that high would happen by chance, at the
 * route's usual rate, less often than the significance (Poisson upper tail); a route with no history is given a
 * floor rate, so a new route needs several seizures at once.
 */
public final class RouteSurgeRule implements Rule {
    private final double significance;
    private final double baselineFloor;
    private final int minimum;

    /**
     * @param significance  the largest chance, at the usual rate, of a count this high that still counts as a surge
     * @param baselineFloor the usual rate assumed for a route with fewer seizures than that per window
     * @param minimum       the fewest seizures a surge holds
     */
    public RouteSurgeRule(double significance, double baselineFloor, int minimum) {
        this.significance = significance;
        this.baselineFloor = baselineFloor;
        this.minimum = minimum;
    }

    @Override
    public String id() {
        return "R13";
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public String description() {
        return "Seizures on an origin → port route in a window reach the minimum and are unlikely, at the route's usual rate, "
                + "to be chance";
    }

    /**
     * @param previousCounts seizure counts of the baseline windows before this one (zeros for empty windows)
     */
    public Optional<Finding> evaluate(RouteKey route, long windowStart, long windowEnd, RouteWindow window,
                                      List<Integer> previousCounts) {
        return window.getCount() < minimum || chance(window.getCount(), previousCounts) > significance ? Optional.empty()
                : Optional.of(describe(route, windowStart, windowEnd, window, previousCounts));
    }

    /** The chance of at least {@code count} seizures in a window at the route's usual rate. */
    public double chance(int count, List<Integer> previousCounts) {
        return Poisson.atLeast(count, usualRate(previousCounts));
    }

    /** The rate a route is judged against: its baseline, or the floor for a route with less history. */
    public double usualRate(List<Integer> previousCounts) {
        return Math.max(baselineFloor, baseline(previousCounts));
    }

    private static double baseline(List<Integer> previousCounts) {
        return previousCounts.isEmpty() ? 0 : previousCounts.stream().mapToInt(Integer::intValue).sum() / (double) previousCounts.size();
    }

    /** The window as this rule describes it, whether it qualifies or not (a withdrawn surge says what it holds now). */
    public Finding describe(RouteKey route, long windowStart, long windowEnd, RouteWindow window, List<Integer> previousCounts) {
        double baseline = baseline(previousCounts);
        double chance = chance(window.getCount(), previousCounts);
        String port = route.port();
        String origin = route.origin();
        Severity severity = chance <= significance / 100 ? Severity.HIGH : Severity.MEDIUM;
        Evidence evidence = new Evidence(window.getEventIds(), Set.of(port), window.getHandlingCode(),
                window.getHandlingRestrictions(), window.getKilograms(), window.getFirstEventTime(),
                window.getLastEventTime(), List.<Party>of(), List.of(),
                new RiskOriginRule.Assessment(window.getRiskLevel(), window.getRiskReasons()), List.of(), List.of(origin), List.of());
        String summary = String.format(Locale.ROOT, "Route %s → %s: %d seizures (%.1f kg) in the window from %s, against a baseline of %.1f per window",
                origin, port, window.getCount(), window.getKilograms(), Instant.ofEpochMilli(windowStart), baseline);
        return new Finding(this, AlertType.ROUTE_SURGE, severity,
                List.of(String.format(Locale.ROOT, "%d seizures against a baseline of %.1f (by chance: %s)", window.getCount(), baseline, Poisson.odds(chance))),
                EntityType.ROUTE, route.toString(), evidence, List.of(), summary,
                "Raise the inspection rate on " + origin + " cargo at " + port + " and at its neighbours",
                Map.of("windowStart", Instant.ofEpochMilli(windowStart).toString(),
                        "windowEnd", Instant.ofEpochMilli(windowEnd).toString(),
                        "count", Integer.toString(window.getCount()),
                        "baseline", String.format(Locale.ROOT, "%.2f", baseline),
                        "chance", String.format(Locale.ROOT, "%.2g", chance)),
                "ROUTE:" + route + ":" + windowStart);
    }
}
