package eu.portalliance.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.RiskLevel;
import eu.portalliance.avro.RiskOrigin;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RiskOriginRuleTest {
    final RiskOriginRule rule = new RiskOriginRule();
    final Instant listed = Instant.parse("2023-01-01T00:00:00Z");

    /** EC listed HIGH from 2023; PAMIT (a port) MEDIUM from 2023. */
    final RiskOriginRule.Lookup lookup = (code, time) -> {
        if (time < listed.toEpochMilli()) {
            return Optional.empty();
        }
        return switch (code) {
            case "EC" -> Optional.of(new RiskOrigin("EC", RiskLevel.HIGH, listed, null));
            case "PAMIT" -> Optional.of(new RiskOrigin("PAMIT", RiskLevel.MEDIUM, listed, null));
            default -> Optional.empty();
        };
    };

    @Test
    void checksEachPortAndItsCountry() {
        RiskOriginRule.Assessment a = rule.assess(List.of("ECGYE", "PAMIT"), listed.toEpochMilli() + 1, lookup);
        assertThat(a.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(a.reasons()).containsExactly("route touches risk origin EC (HIGH since 2023-01-01)",
                "route touches risk origin PAMIT (MEDIUM since 2023-01-01)");
        assertThat(rule.severityBump(a.level())).isEqualTo(1);
    }

    @Test
    void beforeTheListingNothingCounts() {
        assertThat(rule.assess(List.of("ECGYE"), listed.toEpochMilli() - 1, lookup)).isEqualTo(RiskOriginRule.Assessment.NONE);
    }

    @Test
    void mediumOriginsAreReasonsButNoBump() {
        RiskOriginRule.Assessment a = rule.assess(List.of("PAMIT"), listed.toEpochMilli() + 1, lookup);
        assertThat(a.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(rule.severityBump(a.level())).isZero();
    }
}
