package eu.portalliance.reference;

import eu.portalliance.avro.RiskLevel;
import eu.portalliance.avro.RiskOrigin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The starting risk-origin list from public seizure cases (docs/domain.md, rule R2): the cocaine source and
 * departure countries at HIGH, Caribbean and West African transit hops at MEDIUM. The alliance maintains the
 * live list on alliance.reference.risk-origins.v1; this only seeds an empty one.
 */
public final class KnownRiskOrigins {
    public static final Instant SINCE = Instant.parse("2020-01-01T00:00:00Z");
    private static final List<String> HIGH = List.of("EC", "CO", "BR", "PA", "CR", "PY", "DO", "PE", "VE");
    private static final List<String> CARIBBEAN_AND_WEST_AFRICAN_HOPS =
            List.of("JM", "TT", "BS", "HT", "GY", "SR", "GH", "NG", "TG", "BJ", "CI", "SN", "GW", "CV");

    private KnownRiskOrigins() {
    }

    public static List<RiskOrigin> all() {
        List<RiskOrigin> out = new ArrayList<>();
        HIGH.forEach(c -> out.add(new RiskOrigin(c, RiskLevel.HIGH, SINCE, "cocaine source or departure country in published seizure cases")));
        CARIBBEAN_AND_WEST_AFRICAN_HOPS.forEach(c -> out.add(new RiskOrigin(c, RiskLevel.MEDIUM, SINCE, "Caribbean or West African transit hop")));
        return out;
    }
}
