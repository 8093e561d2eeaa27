package eu.portalliance.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.EntityType;
import eu.portalliance.topology.avro.Sighting;
import org.junit.jupiter.api.Test;

class SuspicionConfirmedRuleTest {
    final SuspicionConfirmedRule rule = new SuspicionConfirmedRule();

    @Test
    void aSeizureConfirmsAWarningFromAnotherPortInEitherOrder() {
        Sighting warned = S.suspicion("S", "BEANR", 0).build();
        Sighting seized = S.seizure("Z", "NLRTM", 5).build();
        assertThat(rule.finds(EntityType.CONTAINER, seized, warned, PairRule.Neighbours.NONE))
                .contains("suspicion at BEANR confirmed by a seizure at NLRTM");
        assertThat(rule.finds(EntityType.CONTAINER, warned, seized, PairRule.Neighbours.NONE))
                .contains("suspicion at BEANR confirmed by a seizure at NLRTM");
    }

    @Test
    void onBillsOfLadingToo() {
        assertThat(rule.finds(EntityType.BILL_OF_LADING, S.seizure("Z", "NLRTM", 0).build(),
                S.suspicion("S", "BEANR", 5).build(), PairRule.Neighbours.NONE)).isPresent();
    }

    @Test
    void notAtTheSamePortNotTwoOfAKindNotOnVesselsOrParties() {
        Sighting warned = S.suspicion("S", "BEANR", 0).build();
        assertThat(rule.finds(EntityType.CONTAINER, warned, S.seizure("Z", "BEANR", 5).build(),
                PairRule.Neighbours.NONE)).isEmpty();
        assertThat(rule.finds(EntityType.CONTAINER, warned, S.suspicion("T", "NLRTM", 5).build(),
                PairRule.Neighbours.NONE)).isEmpty();
        assertThat(rule.relevant(EntityType.VESSEL, warned)).isFalse();
        assertThat(rule.relevant(EntityType.PARTY, warned)).isFalse();
    }

    @Test
    void hasAnIdVersionAndDescription() {
        assertThat(rule.id()).isEqualTo("C1");
        assertThat(rule.version()).isPositive();
        assertThat(rule.description()).isNotBlank();
    }
}
