package eu.portalliance.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * R14 at its edges. Baseline: Antwerp took 75 % of an origin's containers, Rotterdam 25 %; after a surge at Antwerp
 * the judged week brings 80 in all.
 */
class DisplacementRuleTest {
    final DisplacementRule rule = new DisplacementRule();
    static final Map<String, Long> BASELINE = Map.of("BEANR", 480L, "NLRTM", 160L);

    @Test
    void aPortTakingThreeTimesItsUsualShareAfterASurgeElsewhereIsADisplacementTarget() {
        var targets = rule.judge("BEANR", Map.of("BEANR", 20L, "NLRTM", 60L), BASELINE);
        assertThat(targets).hasSize(1);
        DisplacementRule.Target t = targets.get(0);
        assertThat(t.port()).isEqualTo("NLRTM");
        assertThat(t.observed()).isEqualTo(60);
        assertThat(t.expected()).isEqualTo(80 * 0.25);
        assertThat(t.baselineShare()).isEqualTo(0.25);
        assertThat(t.chance()).isLessThan(DisplacementRule.SIGNIFICANCE);
    }

    @Test
    void theEnforcementPortItselfIsNeverATarget() {
        assertThat(rule.judge("NLRTM", Map.of("BEANR", 20L, "NLRTM", 60L), BASELINE)).isEmpty();
    }

    @Test
    void justUnderOneAndAHalfTimesTheUsualShareIsNotDisplacementEvenWhenUnlikelyByChance() {
        // 400 in all: 100 expected at Rotterdam; 149 is under 1.5 × 100, 150 is not (and far beyond chance either way).
        assertThat(rule.judge("BEANR", Map.of("BEANR", 251L, "NLRTM", 149L), BASELINE)).isEmpty();
        assertThat(rule.judge("BEANR", Map.of("BEANR", 250L, "NLRTM", 150L), BASELINE)).extracting(DisplacementRule.Target::port)
                .containsExactly("NLRTM");
        assertThat(Poisson.atLeast(149, 100)).isLessThan(DisplacementRule.SIGNIFICANCE);
    }

    @Test
    void fewerThanTheMinimumArrivalsIsNothingWhateverTheShare() {
        Map<String, Long> baseline = Map.of("BEANR", 640L, "NLRTM", 0L);
        assertThat(rule.judge("BEANR", Map.of("BEANR", 5L, "NLRTM", (long) DisplacementRule.MINIMUM_ARRIVALS - 1), baseline)).isEmpty();
        assertThat(rule.judge("BEANR", Map.of("BEANR", 5L, "NLRTM", (long) DisplacementRule.MINIMUM_ARRIVALS), baseline))
                .as("a port that took none of this origin before").extracting(DisplacementRule.Target::port).containsExactly("NLRTM");
    }

    @Test
    void withoutABaselineThereIsNoUsualShareToExceed() {
        Map<String, Long> thin = Map.of("BEANR", (long) DisplacementRule.MINIMUM_BASELINE - 10, "NLRTM", 9L);
        assertThat(rule.judge("BEANR", Map.of("BEANR", 20L, "NLRTM", 60L), thin)).isEmpty();
    }

    @Test
    void aLargeButOrdinaryShiftOnABusyOriginIsChance() {
        // 4,000 a week; Rotterdam's usual 25 % is 1,000: 1,040 is within chance, and well under 1.5×.
        assertThat(rule.judge("BEANR", Map.of("BEANR", 2960L, "NLRTM", 1040L), BASELINE)).isEmpty();
    }
}
