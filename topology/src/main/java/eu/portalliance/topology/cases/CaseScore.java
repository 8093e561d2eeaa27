package eu.portalliance.topology.cases;

import eu.portalliance.avro.RiskLevel;
import eu.portalliance.avro.Severity;
import eu.portalliance.topology.rules.Poisson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How much a case deserves a watch room's time, as one number with its parts written out (docs/scoring.md), and the
 * severity bands cut from it. A risk origin counts only as far as it is unusual for the port that received the cargo:
 * most traffic into a port may come from listed origins, and that alone says nothing.
 */
public final class CaseScore {
    /** Scores run from 0 to this; parts that add beyond it say so in the reasons but rank no higher. */
    public static final double MAX = 100;
    public static final double CRITICAL = 85;
    public static final double HIGH = 70;
    public static final double MEDIUM = 55;
    /** An origin with this share of a port's flagged traffic or more is routine there. */
    public static final double ROUTINE_SHARE = 0.10;
    /**
     * The share of a vessel's or party's score taken away when its own flags make its seizures likely anyway: a big
     * importer with dozens of seizures at ten ports is still worth a look, at half the weight.
     */
    public static final double ROUTINE_DISCOUNT = 0.5;

    /**
     * What the score is computed from.
     *
     * @param surge   for a route surge: its count against the route's usual rate; else null
     * @param routine for a vessel or party: how often it is flagged anyway; else null
     */
    public record Facts(int seizures, int ports, double kilograms, boolean confirmedWarning, boolean cloned, boolean insider,
                        double unusualRisk, double precision, Surge surge, Routine routine) {
    }

    /** A route's seizures in one window, where {@code usual} a window are usual; surprise as in {@code Poisson.surprise}. */
    public record Surge(int count, double usual, double surprise) {
    }

    /**
     * How many times a vessel or party was flagged within the correlation window of the case's latest evidence, and
     * how many seizures that many flags bring anyway at the alliance's rate.
     */
    public record Routine(String what, int flags, double expectedSeizures) {
    }

    public record Result(double score, Severity severity, List<String> reasons) {
    }

    private CaseScore() {
    }

    public static Result of(Facts f) {
        List<String> why = new ArrayList<>();
        double s = 0;
        if (f.seizures() > 0) {
            s += add(why, 35, "seizure in the evidence");
        } else {
            s += add(why, 15, "warnings only");
        }
        s += add(why, Math.min(16, 8 * Math.max(0, f.ports() - 1)), f.ports() + " ports");
        s += add(why, Math.min(20, 10 * Math.log10(1 + f.kilograms() / 100)), String.format(Locale.ROOT, "%.0f kg seized", f.kilograms()));
        if (f.surge() != null) {
            s += add(why, Math.min(25, 5 * f.surge().surprise()), String.format(Locale.ROOT, "%d seizures in one window where %.1f are usual",
                    f.surge().count(), f.surge().usual()));
        } else {
            s += add(why, Math.min(15, 5 * Math.max(0, f.seizures() - 1)), f.seizures() + " seizures");
        }
        if (f.confirmedWarning()) {
            s += add(why, 15, "a warning confirmed by a seizure");
        }
        if (f.cloned()) {
            s += add(why, 50, "one container number at two places at once");
        }
        if (f.insider()) {
            s += add(why, 20, "insider signal");
        }
        s += add(why, 15 * f.unusualRisk(), "risk origin, unusual for the receiving port");
        double factor = 0.6 + 0.8 * f.precision();
        if (Math.abs(factor - 1) > 1e-9) {
            why.add(String.format(Locale.ROOT, "× %.2f for the leading rule's precision (%.0f %%)", factor, 100 * f.precision()));
        }
        if (f.routine() != null) {
            double routine = 1 - ROUTINE_DISCOUNT * Poisson.atLeast(f.seizures(), f.routine().expectedSeizures());
            factor *= routine;
            if (routine < 0.995) {
                why.add(String.format(Locale.ROOT, "× %.2f: %s flagged %d times in the window, %d seizures where %.1f are usual", routine,
                        f.routine().what(), f.routine().flags(), f.seizures(), f.routine().expectedSeizures()));
            }
        }
        double score = Math.min(MAX, Math.round(s * factor * 10) / 10.0);
        return new Result(score, band(score), why);
    }

    public static Severity band(double score) {
        return score >= CRITICAL ? Severity.CRITICAL : score >= HIGH ? Severity.HIGH : score >= MEDIUM ? Severity.MEDIUM : Severity.LOW;
    }

    /**
     * How much a risk origin weighs at a port where it has {@code share} of the containers: fully where the port
     * never sees it, nothing where it is a tenth of the port's containers or more, and nothing where the port has no
     * baseline yet (an alliance's first weeks, a new port): without one, unusual cannot be told from routine.
     */
    public static double unusualRisk(RiskLevel level, OptionalDouble share) {
        double weight = switch (level) {
            case HIGH -> 1.0;
            case MEDIUM -> 0.5;
            case LOW -> 0.25;
            default -> 0.0;
        };
        return share.isEmpty() ? 0 : weight * Math.max(0, 1 - share.getAsDouble() / ROUTINE_SHARE);
    }

    /** Precision with one confirmed and one empty check assumed, so a rule with no feedback counts as 50 %. */
    public static double smoothedPrecision(long confirmed, long nothingFound) {
        return (confirmed + 1.0) / (confirmed + nothingFound + 2.0);
    }

    private static double add(List<String> why, double points, String what) {
        if (points >= 0.5) {
            why.add(String.format(Locale.ROOT, "%s +%.0f", what, points));
        }
        return points;
    }
}
