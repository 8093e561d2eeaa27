package eu.portalliance.topology.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * R14, displacement: enforcement bit on an origin at one port (a route surge, R13, there), and in the weeks after it
 * another alliance port receives a larger share of that origin's containers than it usually does. Smugglers move to
 * the next port on the coast; this is the rule that says so while it happens.
 * <p>
 * Judged per week of arrival, for each of the {@link #FOLLOWING_WEEKS} weeks after the surge's week: a port's expected
 * arrivals from the origin are that week's alliance total times the port's share over the {@link #BASELINE_WEEKS}
 * weeks before the surge. The port is a displacement target when it received at least {@link #MINIMUM_ARRIVALS},
 * at least {@link #MINIMUM_RATIO} times the expected, and that many would happen by chance at the expected rate less
 * often than {@link #SIGNIFICANCE} (Poisson upper tail). Without a baseline (fewer than {@link #MINIMUM_BASELINE}
 * arrivals from the origin in those weeks) there is no usual share, and nothing is judged.
 */
public final class DisplacementRule implements Rule {
    public static final int BASELINE_WEEKS = 8;
    public static final int FOLLOWING_WEEKS = 4;
    public static final int MINIMUM_ARRIVALS = 20;
    public static final double MINIMUM_RATIO = 1.5;
    public static final double SIGNIFICANCE = 0.001;
    public static final int MINIMUM_BASELINE = 50;

    /** One port that received more of the origin's traffic than its share. */
    public record Target(String port, long observed, double expected, double baselineShare, double chance) {
    }

    @Override
    public String id() {
        return "R14";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String description() {
        return "After a route surge at one port, another port's share of that origin's arrivals rises well beyond its usual share";
    }

    /**
     * @param enforcementPort the port of the surge (never a target)
     * @param week            arrivals from the origin in the judged week, by port
     * @param baseline        arrivals from the origin over the baseline weeks, by port
     */
    public List<Target> judge(String enforcementPort, Map<String, Long> week, Map<String, Long> baseline) {
        long baseTotal = baseline.values().stream().mapToLong(Long::longValue).sum();
        long weekTotal = week.values().stream().mapToLong(Long::longValue).sum();
        List<Target> out = new ArrayList<>();
        if (baseTotal < MINIMUM_BASELINE || weekTotal == 0) {
            return out;
        }
        week.forEach((port, observed) -> {
            if (port.equals(enforcementPort) || observed < MINIMUM_ARRIVALS) {
                return;
            }
            double share = baseline.getOrDefault(port, 0L) / (double) baseTotal;
            // A port that never took this origin's cargo is judged against one container a week, not against none.
            double expected = Math.max(1.0, weekTotal * share);
            double chance = Poisson.atLeast((int) Math.min(observed, Integer.MAX_VALUE), expected);
            if (observed >= MINIMUM_RATIO * expected && chance < SIGNIFICANCE) {
                out.add(new Target(port, observed, expected, share, chance));
            }
        });
        out.sort(java.util.Comparator.comparing(Target::port));
        return out;
    }
}
