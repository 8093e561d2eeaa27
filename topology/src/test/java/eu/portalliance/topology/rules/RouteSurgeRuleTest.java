package eu.portalliance.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.Severity;
import eu.portalliance.topology.avro.RouteWindow;
import eu.portalliance.topology.query.RouteKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteSurgeRuleTest {
    static final RouteKey ROUTE = new RouteKey("ECGYE", "BEANR");
    static final double SIGNIFICANCE = 0.01;
    final RouteSurgeRule rule = new RouteSurgeRule(SIGNIFICANCE, 0.5, 3);

    static RouteWindow window(int count) {
        return RouteWindow.newBuilder().setCount(count).setKilograms(count * 100.0).setEventIds(List.of("x"))
                .setFirstEventTime(0).setLastEventTime(1).build();
    }

    /** The smallest count whose chance at {@code mean} is within the significance. */
    static int firstSurprising(double mean) {
        int k = 0;
        while (Poisson.atLeast(k, mean) > SIGNIFICANCE) {
            k++;
        }
        return k;
    }

    @Test
    void onABusyRouteAWeekWellAboveTheMeanIsStillOrdinary() {
        List<Integer> busy = List.of(4, 3, 5, 4);
        assertThat(rule.evaluate(ROUTE, 0, 7, window(6), busy)).as("six where four are usual").isEmpty();
        int k = firstSurprising(4.0);
        assertThat(k).isGreaterThan(6);
        assertThat(rule.evaluate(ROUTE, 0, 7, window(k - 1), busy)).isEmpty();
        Finding f = rule.evaluate(ROUTE, 0, 7, window(k), busy).orElseThrow();
        assertThat(f.attributes()).containsEntry("baseline", "4.00").containsEntry("count", Integer.toString(k));
        assertThat(f.reasons().get(0)).contains("against a baseline of 4.0", "by chance: 1 in");
        assertThat(f.evidence().ports()).containsExactly("BEANR");
    }

    @Test
    void aRouteWithoutHistoryGetsTheFloorRateAndTheMinimumHolds() {
        List<Integer> none = List.of(0, 0, 0, 0);
        int k = firstSurprising(0.5);
        assertThat(k).isGreaterThanOrEqualTo(3);
        assertThat(rule.evaluate(ROUTE, 0, 7, window(k), none)).isPresent();
        assertThat(rule.evaluate(ROUTE, 0, 7, window(k - 1), none)).isEmpty();
        RouteSurgeRule lenient = new RouteSurgeRule(0.5, 0.5, 3);
        assertThat(lenient.evaluate(ROUTE, 0, 7, window(2), none)).as("never below the minimum").isEmpty();
    }

    @Test
    void farBeyondTheSignificanceIsHigh() {
        assertThat(rule.evaluate(ROUTE, 0, 7, window(firstSurprising(0.5)), List.of(0, 0, 0, 0)).orElseThrow().baseSeverity())
                .isEqualTo(Severity.MEDIUM);
        assertThat(rule.evaluate(ROUTE, 0, 7, window(8), List.of(0, 0, 0, 0)).orElseThrow().baseSeverity())
                .isEqualTo(Severity.HIGH);
    }

    @Test
    void hasAnIdVersionAndDescription() {
        assertThat(rule.id()).isEqualTo("R13");
        assertThat(rule.version()).isEqualTo(2);
        assertThat(rule.description()).contains("usual rate");
    }
}
