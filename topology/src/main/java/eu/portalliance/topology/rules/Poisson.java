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
        // Summing the lower terms directly is exact enough for the small counts and means rules see.
        double term = Math.exp(-mean);
        double below = 0;
        for (int i = 0; i < k; i++) {
            below += term;
            term *= mean / (i + 1);
        }
        return Math.max(0, 1 - below);
    }

    /** The same chance as a number of tens against: 2 for one in a hundred, 3 for one in a thousand. */
    public static double surprise(int k, double mean) {
        return -Math.log10(Math.max(atLeast(k, mean), 1e-12));
    }
}
