package eu.portalliance.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.SubjectType;
import org.junit.jupiter.api.Test;

class VesselRepeatRuleTest {
    final VesselRepeatRule rule = new VesselRepeatRule();

    @Test
    void twoSeizuresOnOneVesselAtOnePortOrTwo() {
        assertThat(rule.finds(EntityType.VESSEL, S.seizure("A", "BEANR", 0).build(),
                S.seizure("B", "NLRTM", 5).build(), PairRule.Neighbours.NONE)).contains("seizures at BEANR and NLRTM on one vessel");
        assertThat(rule.finds(EntityType.VESSEL, S.seizure("A", "BEANR", 0).build(),
                S.seizure("B", "BEANR", 5).build(), PairRule.Neighbours.NONE)).contains("seizures at BEANR twice on one vessel");
    }

    @Test
    void flagsOnAVesselAndOtherEntitiesAreNotRepeats() {
        assertThat(rule.relevant(EntityType.VESSEL, S.suspicion("A", "BEANR", 0).setSubject(SubjectType.VESSEL).build())).isFalse();
        assertThat(rule.relevant(EntityType.CONTAINER, S.seizure("A", "BEANR", 0).build())).isFalse();
    }

    @Test
    void hasAnIdVersionAndDescription() {
        assertThat(rule.id()).isEqualTo("R12");
        assertThat(rule.version()).isPositive();
        assertThat(rule.description()).isNotBlank();
    }
}
