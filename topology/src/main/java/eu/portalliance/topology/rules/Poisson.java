package eu.portalliance.topology.rules;

/**
 * How surprising a count is where {@code mean} is usual: the chance of seeing at least that many if nothing had
 * changed. Seizures on a route, like most rare events counted per week, are close to Poisson; a busy route that carries
 * six in a week where it usually carries four is ordinary, a quiet one that carries six where it carried none is not.
 */
public final class Poisson {
    private Poisson() {
    }

    /** P(X ≥ k) for X ~ Poisson(mean). */
    public static double atLeast(int k, double mean) {
        if (k <= 0) {
            return 1;
        }
        if (mean <= 0) {
            return 0;
        }
        if (mean > LARGE_MEAN) {
            return upperTail(k, mean);
        }
        // Summing the lower terms directly is exact enough for the small counts and means rules see.
        double term = Math.exp(-mean);
        double below = 0;
        for (int i = 0; i < k; i++) {
            below += term;
            term *= mean / (i + 1);
        }
        return Math.max(0, 1 - below);
    }

    /**
     * Weekly arrivals run to thousands, where e^-mean underflows. Above the mean the tail is summed upwards in logs
     * until its terms no longer count; at or below the mean at least half the mass lies above, nothing a rule acts on.
     */
    private static final double LARGE_MEAN = 50;

    private static double upperTail(int k, double mean) {
        if (k <= mean) {
            return 1;
        }
        double logTerm = -mean + k * Math.log(mean) - logFactorial(k);
        double sum = 0;
        for (int i = k; i < k + 100_000; i++) {
            double term = Math.exp(logTerm);
            sum += term;
            if (term < sum * 1e-12) {
                break;
            }
            logTerm += Math.log(mean / (i + 1));
        }
        return Math.min(1, sum);
    }

    private static double logFactorial(int n) {
        double s = 0;
        for (int i = 2; i <= n; i++) {
            s += Math.log(i);
        }
        return s;
    }

    /** The same chance as a number of tens against: 2 for one in a hundred, 3 for one in a thousand. */
    public static double surprise(int k, double mean) {
        return -Math.log10(Math.max(atLeast(k, mean), 1e-12));
    }

    /** A chance as a watch officer reads it. */
    public static String odds(double chance) {
        return chance <= 0 ? "never" : chance >= 0.5 ? "likely" : String.format(java.util.Locale.ROOT, "1 in %,d", Math.round(1 / chance));
    }
}
