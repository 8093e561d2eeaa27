package eu.portalliance.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.SubjectType;
import eu.portalliance.topology.avro.Sighting;
import org.junit.jupiter.api.Test;

class CrossPortEntityRuleTest {
    final CrossPortEntityRule rule = new CrossPortEntityRule();

    @Test
    void aContainerSeizedAtTwoPortsIsAFinding() {
        Sighting antwerp = S.seizure("A", "BEANR", 0).build();
        Sighting rotterdam = S.seizure("B", "NLRTM", 5).build();
        assertThat(rule.finds(EntityType.CONTAINER, rotterdam, antwerp, PairRule.Neighbours.NONE)).contains("seized at BEANR and NLRTM");
        assertThat(rule.finds(EntityType.CONTAINER, antwerp, rotterdam, PairRule.Neighbours.NONE))
                .as("either order").contains("seized at BEANR and NLRTM");
    }

    @Test
    void twoFlagsOfOneBoxAreWhatHarmonisedTargetingDoesNotAFinding() {
        Sighting a = S.suspicion("A", "BEANR", 0).build();
        Sighting b = S.suspicion("B", "NLRTM", 50).build();
        assertThat(rule.relevant(EntityType.CONTAINER, a)).isFalse();
        assertThat(rule.finds(EntityType.CONTAINER, a, b, PairRule.Neighbours.NONE)).isEmpty();
    }

    @Test
    void onePortTwiceIsNotCrossPort() {
        assertThat(rule.finds(EntityType.CONTAINER, S.seizure("A", "BEANR", 0).build(),
                S.seizure("B", "BEANR", 5).build(), PairRule.Neighbours.NONE)).isEmpty();
    }

    @Test
    void aVesselFlaggedAtEveryPortOfItsRotationIsRoutineOnlySeizuresCount() {
        Sighting flagged = S.suspicion("A", "BEANR", 0).setSubject(SubjectType.VESSEL).build();
        Sighting seized = S.seizure("B", "NLRTM", 5).build();
        assertThat(rule.relevant(EntityType.VESSEL, flagged)).isFalse();
        assertThat(rule.finds(EntityType.VESSEL, flagged, seized, PairRule.Neighbours.NONE)).isEmpty();
        assertThat(rule.finds(EntityType.VESSEL, seized, S.seizure("C", "DEHAM", 9).build(),
                PairRule.Neighbours.NONE)).isPresent();
    }

    @Test
    void aPartyNeedsSeizuresOrASeizureAndAWarningAboutItself() {
        Sighting seized = S.seizure("A", "BEANR", 0).build();
        Sighting namedOnAFlaggedBox = S.suspicion("B", "NLRTM", 5).setSubject(SubjectType.CONTAINER).build();
        Sighting warnedAbout = S.suspicion("C", "DEHAM", 9).setSubject(SubjectType.PARTY).build();
        assertThat(rule.relevant(EntityType.PARTY, namedOnAFlaggedBox)).as("a big importer's boxes are flagged everywhere").isFalse();
        assertThat(rule.finds(EntityType.PARTY, seized, namedOnAFlaggedBox, PairRule.Neighbours.NONE)).isEmpty();
        assertThat(rule.finds(EntityType.PARTY, seized, warnedAbout, PairRule.Neighbours.NONE)).contains("seized at BEANR, warned about at DEHAM");
        assertThat(rule.finds(EntityType.PARTY, warnedAbout, S.suspicion("D", "ESALG", 12)
                .setSubject(SubjectType.PARTY).build(), PairRule.Neighbours.NONE)).as("two warnings, no seizure").isEmpty();
    }

    @Test
    void hasAnIdVersionAndDescription() {
        assertThat(rule.id()).isEqualTo("R1");
        assertThat(rule.version()).isEqualTo(2);
        assertThat(rule.description()).isNotBlank();
    }
}
