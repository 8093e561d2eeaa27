package eu.portalliance.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.EntityType;
import eu.portalliance.topology.avro.Sighting;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuspicionConfirmedRuleTest {
    final SuspicionConfirmedRule rule = new SuspicionConfirmedRule();

    @Test
    void seizureAfterSuspicionElsewhereFires() {
        Sighting warned = S.suspicion("S", "BEANR", EntityType.CONTAINER, "CSQU3054383", 0).build();
        Finding f = rule.evaluate(S.seizure("Z", "NLRTM", EntityType.CONTAINER, "CSQU3054383", 5).build(), List.of(warned)).orElseThrow();
        assertThat(f.evidence().eventIds()).containsExactly("S", "Z");
        assertThat(f.identity()).isEqualTo("pair:S,Z");
    }

    @Test
    void suspicionAfterSeizureElsewhereFiresToo() {
        Sighting seized = S.seizure("Z", "NLRTM", EntityType.BILL_OF_LADING, "BL1", 0).build();
        assertThat(rule.evaluate(S.suspicion("S", "BEANR", EntityType.BILL_OF_LADING, "BL1", 5).build(), List.of(seized))).isPresent();
    }

    @Test
    void theSameIdentityWhateverTheEntityPathSoOneAlert() {
        Sighting warnedC = S.suspicion("S", "BEANR", EntityType.CONTAINER, "CSQU3054383", 0).build();
        Sighting warnedB = S.suspicion("S", "BEANR", EntityType.BILL_OF_LADING, "BL1", 0).build();
        String viaContainer = rule.evaluate(S.seizure("Z", "NLRTM", EntityType.CONTAINER, "CSQU3054383", 5).build(), List.of(warnedC)).orElseThrow().identity();
        String viaBill = rule.evaluate(S.seizure("Z", "NLRTM", EntityType.BILL_OF_LADING, "BL1", 5).build(), List.of(warnedB)).orElseThrow().identity();
        assertThat(viaContainer).isEqualTo(viaBill);
    }

    @Test
    void twoSuspicionsOrTheSamePortOrAVesselDoNot() {
        Sighting warned = S.suspicion("S", "BEANR", EntityType.CONTAINER, "C", 0).build();
        assertThat(rule.evaluate(S.suspicion("S2", "NLRTM", EntityType.CONTAINER, "C", 5).build(), List.of(warned))).isEmpty();
        assertThat(rule.evaluate(S.seizure("Z", "BEANR", EntityType.CONTAINER, "C", 5).build(), List.of(warned))).isEmpty();
        Sighting vesselWarned = S.suspicion("S", "BEANR", EntityType.VESSEL, "9074729", 0).build();
        assertThat(rule.evaluate(S.seizure("Z", "NLRTM", EntityType.VESSEL, "9074729", 5).build(), List.of(vesselWarned))).isEmpty();
    }
}
