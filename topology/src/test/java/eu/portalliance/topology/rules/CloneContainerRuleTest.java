package eu.portalliance.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.EntityType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CloneContainerRuleTest {
    final CloneContainerRule rule = new CloneContainerRule(Duration.ofHours(24));
    final PairRule.Neighbours lowCountries = (a, b) -> (a + b).equals("BEANRNLRTM") || (a + b).equals("NLRTMBEANR");

    @Test
    void oneNumberAtTwoDistantPortsWithinADayIsAClone() {
        assertThat(rule.finds(EntityType.CONTAINER, S.suspicion("A", "BEANR", 0).build(),
                S.suspicion("B", "PTSIE", 3).build(), lowCountries)).contains("at BEANR and PTSIE 3.0 h apart: one number, two boxes");
    }

    @Test
    void notAtTheEdgeOfTheDayNotBetweenNeighboursNotAtOnePort() {
        assertThat(rule.finds(EntityType.CONTAINER, S.suspicion("A", "BEANR", 0).build(),
                S.suspicion("B", "PTSIE", 24).build(), lowCountries)).as("24 h is a passage").isEmpty();
        assertThat(rule.finds(EntityType.CONTAINER, S.suspicion("A", "BEANR", 0).build(),
                S.suspicion("B", "PTSIE", 23).build(), lowCountries)).isPresent();
        assertThat(rule.finds(EntityType.CONTAINER, S.suspicion("A", "BEANR", 0).build(),
                S.suspicion("B", "NLRTM", 2).build(), lowCountries)).as("a truck does it in hours").isEmpty();
        assertThat(rule.relevant(EntityType.BILL_OF_LADING, S.suspicion("A", "BEANR", 0).build())).isFalse();
    }

    @Test
    void oneBoxOnOneVesselFlaggedAtTwoPortsIsCarriedNotCloned() {
        assertThat(rule.finds(EntityType.CONTAINER, S.suspicion("A", "DEHAM", 0).setVesselImo("9074729").build(),
                S.suspicion("B", "FRLEH", 14).setVesselImo("9074729").build(), lowCountries)).isEmpty();
        assertThat(rule.finds(EntityType.CONTAINER, S.suspicion("A", "DEHAM", 0).setVesselImo("9074729").build(),
                S.suspicion("B", "FRLEH", 14).setVesselImo("9166778").build(), lowCountries))
                .as("two vessels, one number").isPresent();
    }

    @Test
    void hasAnIdVersionAndDescription() {
        assertThat(rule.id()).isEqualTo("R6");
        assertThat(rule.version()).isEqualTo(1);
        assertThat(rule.description()).isNotBlank();
    }
}
