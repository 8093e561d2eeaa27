package eu.portalliance.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.Severity;
import eu.portalliance.topology.avro.Sighting;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossPortEntityRuleTest {
    final CrossPortEntityRule rule = new CrossPortEntityRule();
    final Sighting antwerp = S.seizure("A", "BEANR", EntityType.CONTAINER, "CSQU3054383", 0).build();

    @Test
    void secondPortFires() {
        Finding f = rule.evaluate(S.suspicion("B", "NLRTM", EntityType.CONTAINER, "CSQU3054383", 5).build(), List.of(antwerp)).orElseThrow();
        assertThat(f.evidence().ports()).containsExactly("BEANR", "NLRTM");
        assertThat(f.evidence().eventIds()).containsExactly("A", "B");
        assertThat(f.baseSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.identity()).isEqualTo("CONTAINER:CSQU3054383:BEANR,NLRTM");
    }

    @Test
    void samePortOrNothingBeforeDoesNot() {
        assertThat(rule.evaluate(S.seizure("B", "BEANR", EntityType.CONTAINER, "CSQU3054383", 5).build(), List.of(antwerp))).isEmpty();
        assertThat(rule.evaluate(antwerp, List.of())).isEmpty();
    }

    @Test
    void aKnownPortAgainDoesNotFireAgain() {
        Sighting rotterdam = S.seizure("B", "NLRTM", EntityType.CONTAINER, "CSQU3054383", 5).build();
        assertThat(rule.evaluate(S.seizure("C", "NLRTM", EntityType.CONTAINER, "CSQU3054383", 9).build(),
                List.of(antwerp, rotterdam))).isEmpty();
    }

    @Test
    void thirdPortIsHigh() {
        Sighting rotterdam = S.seizure("B", "NLRTM", EntityType.CONTAINER, "CSQU3054383", 5).build();
        Finding f = rule.evaluate(S.seizure("C", "DEHAM", EntityType.CONTAINER, "CSQU3054383", 9).build(),
                List.of(antwerp, rotterdam)).orElseThrow();
        assertThat(f.baseSeverity()).isEqualTo(Severity.HIGH);
        assertThat(f.evidence().kilograms()).isEqualTo(300.0);
    }

    @Test
    void hasAnIdVersionAndDescription() {
        assertThat(rule.id()).isEqualTo("R1");
        assertThat(rule.version()).isPositive();
        assertThat(rule.description()).isNotBlank();
    }
}
