package eu.portalliance.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class VesselRepeatRuleTest {
    final VesselRepeatRule rule = new VesselRepeatRule(2);

    @Test
    void secondSeizureFiresAndAddressesTheNextPorts() {
        Finding f = rule.evaluate(S.seizure("B", "NLRTM", EntityType.VESSEL, "9074729", 5).setNextPortsOfCall(List.of("DEHAM")).build(),
                List.of(S.seizure("A", "BEANR", EntityType.VESSEL, "9074729", 0).build())).orElseThrow();
        assertThat(f.addressedTo()).containsExactly("DEHAM");
        assertThat(f.baseSeverity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void nextPortsFallBackToEarlierSeizures() {
        Finding f = rule.evaluate(S.seizure("B", "NLRTM", EntityType.VESSEL, "9074729", 5).build(),
                List.of(S.seizure("A", "BEANR", EntityType.VESSEL, "9074729", 0).setNextPortsOfCall(List.of("PLGDN")).build())).orElseThrow();
        assertThat(f.addressedTo()).containsExactly("PLGDN");
    }

    @Test
    void aThirdIsCritical() {
        Finding f = rule.evaluate(S.seizure("C", "NLRTM", EntityType.VESSEL, "9074729", 9).build(),
                List.of(S.seizure("A", "BEANR", EntityType.VESSEL, "9074729", 0).build(),
                        S.seizure("B", "BEANR", EntityType.VESSEL, "9074729", 5).build())).orElseThrow();
        assertThat(f.baseSeverity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void oneSeizureOrSuspicionsOrOtherEntitiesDoNot() {
        assertThat(rule.evaluate(S.seizure("A", "BEANR", EntityType.VESSEL, "9074729", 0).build(), List.of())).isEmpty();
        assertThat(rule.evaluate(S.seizure("B", "BEANR", EntityType.VESSEL, "9074729", 5).build(),
                List.of(S.suspicion("A", "BEANR", EntityType.VESSEL, "9074729", 0).build()))).isEmpty();
        assertThat(rule.evaluate(S.seizure("B", "BEANR", EntityType.CONTAINER, "C", 5).build(),
                List.of(S.seizure("A", "BEANR", EntityType.CONTAINER, "C", 0).build()))).isEmpty();
    }
}
