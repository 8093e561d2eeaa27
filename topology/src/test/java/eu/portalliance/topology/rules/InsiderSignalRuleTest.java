package eu.portalliance.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.Indicator;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsiderSignalRuleTest {
    final InsiderSignalRule rule = new InsiderSignalRule();

    @Test
    void namesThePortAndTheSignals() {
        assertThat(rule.reasons(List.of(
                S.suspicion("S", "FRLEH", 0)
                        .setIndicators(List.of(Indicator.SEAL_MISMATCH, Indicator.GATE_OUT_BEFORE_RELEASE)).build(),
                S.seizure("Z", "BEANR", 1).build())))
                .containsExactly("insider signal at FRLEH: [GATE_OUT_BEFORE_RELEASE]");
    }

    @Test
    void ordinaryIndicatorsAreNotInsiderSignals() {
        assertThat(rule.reasons(List.of(S.suspicion("S", "FRLEH", 0)
                .setIndicators(List.of(Indicator.SEAL_MISMATCH, Indicator.DWELL_ANOMALY)).build()))).isEmpty();
    }
}
