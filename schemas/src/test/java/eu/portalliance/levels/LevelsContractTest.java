package eu.portalliance.levels;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.RiskLevel;
import eu.portalliance.avro.Severity;
import org.junit.jupiter.api.Test;

/** The symbol order of the ordered enums is part of the contract: comparisons everywhere depend on it. */
class LevelsContractTest {
    @Test
    void symbolsAreDeclaredFromLeastToMost() {
        assertThat(Severity.getClassSchema().getEnumSymbols()).containsExactly("LOW", "MEDIUM", "HIGH", "CRITICAL");
        assertThat(HandlingCode.getClassSchema().getEnumSymbols())
                .containsExactly("TLP_CLEAR", "TLP_GREEN", "TLP_AMBER", "TLP_AMBER_STRICT", "TLP_RED");
        assertThat(RiskLevel.getClassSchema().getEnumSymbols()).containsExactly("NONE", "LOW", "MEDIUM", "HIGH");
    }

    @Test
    void theMostRestrictiveHandlingCodeWinsWhicheverComesFirst() {
        assertThat(Levels.mostRestrictive(HandlingCode.TLP_GREEN, HandlingCode.TLP_RED)).isEqualTo(HandlingCode.TLP_RED);
        assertThat(Levels.mostRestrictive(HandlingCode.TLP_AMBER_STRICT, HandlingCode.TLP_AMBER)).isEqualTo(HandlingCode.TLP_AMBER_STRICT);
        assertThat(Levels.mostRestrictive(HandlingCode.TLP_CLEAR, HandlingCode.TLP_CLEAR)).isEqualTo(HandlingCode.TLP_CLEAR);
    }

    @Test
    void severityRisesStepByStepAndStopsAtCritical() {
        assertThat(Levels.raise(Severity.MEDIUM, 1)).isEqualTo(Severity.HIGH);
        assertThat(Levels.raise(Severity.HIGH, 2)).isEqualTo(Severity.CRITICAL);
        assertThat(Levels.raise(Severity.LOW, 0)).isEqualTo(Severity.LOW);
        assertThat(Levels.atLeast(Severity.HIGH, Severity.MEDIUM)).isTrue();
        assertThat(Levels.atLeast(Severity.LOW, Severity.MEDIUM)).isFalse();
        assertThat(Levels.highest(RiskLevel.MEDIUM, RiskLevel.HIGH)).isEqualTo(RiskLevel.HIGH);
        assertThat(Levels.highest(RiskLevel.NONE, RiskLevel.LOW)).isEqualTo(RiskLevel.LOW);
    }
}
