package eu.portalliance.levels;

import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.RiskLevel;
import eu.portalliance.avro.Severity;

/**
 * The one place that reads meaning into the order of the contract's ordered enums. Severity, handling code (TLP) and
 * risk level are declared from least to most (severe, restrictive, risky) in their schemas; {@code LevelsContractTest}
 * pins those symbol orders, so a reordered schema fails a test instead of silently inverting every comparison.
 */
public final class Levels {
    private Levels() {
    }

    /** The more restrictive of two handling codes: an alert inherits the most restrictive of its sources. */
    public static HandlingCode mostRestrictive(HandlingCode a, HandlingCode b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The higher of two risk levels. */
    public static RiskLevel highest(RiskLevel a, RiskLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Whether {@code severity} is {@code minimum} or above. */
    public static boolean atLeast(Severity severity, Severity minimum) {
        return severity.compareTo(minimum) >= 0;
    }

    /** {@code severity} raised by {@code steps}, never beyond the highest level. */
    public static Severity raise(Severity severity, int steps) {
        Severity[] all = Severity.values();
        return all[Math.max(0, Math.min(severity.ordinal() + steps, all.length - 1))];
    }
}
