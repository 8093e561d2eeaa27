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

    @Test
    void largeMeansGiveTheTailWhereTheDirectSumWouldUnderflow() {
        // Weekly arrivals run to thousands: e^-1000 is 0 in a double. The upper tail at mean + 4 sd is about 3e-5
        // (normal approximation with continuity: 3.1e-5), and the tail at the mean is about a half.
        assertThat(Poisson.atLeast(1127, 1000)).isBetween(1e-5, 1e-4);
        assertThat(Poisson.atLeast(900, 1000)).isGreaterThan(0.5);
        // Across the switch to the large-mean sum the values agree.
        assertThat(Poisson.atLeast(75, 50.0)).isCloseTo(Poisson.atLeast(75, 50.0 + 1e-9), within(1e-6));
        double m = 60;
        double direct = 0;
        double term = Math.exp(-m);
        for (int i = 0; i < 80; i++) {
            direct += term;
            term *= m / (i + 1);
        }
        assertThat(Poisson.atLeast(80, m)).isCloseTo(1 - direct, within(1e-9));
    }
}
