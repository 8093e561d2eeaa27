package eu.portalliance.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoissonTest {
    @Test
    void theUpperTailIsOneMinusTheTermsBelowIt() {
        double m = 0.5;
        double expected = 1 - Math.exp(-m) * (1 + m + m * m / 2);
        assertThat(Poisson.atLeast(3, m)).isCloseTo(expected, within(1e-12));
        assertThat(Poisson.atLeast(0, m)).isEqualTo(1);
        assertThat(Poisson.atLeast(1, m)).isCloseTo(1 - Math.exp(-m), within(1e-12));
    }

    @Test
    void theSameCountSurprisesLessWhereItIsUsual() {
        assertThat(Poisson.surprise(6, 4.0)).isLessThan(1);
        assertThat(Poisson.surprise(6, 0.5)).isGreaterThan(4);
        assertThat(Poisson.atLeast(2, 0)).isZero();
    }
}
