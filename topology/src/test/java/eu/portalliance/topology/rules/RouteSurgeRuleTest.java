package eu.portalliance.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.Severity;
import eu.portalliance.topology.avro.RouteWindow;
import eu.portalliance.topology.query.RouteKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteSurgeRuleTest {
    static final RouteKey ROUTE = new RouteKey("ECGYE", "BEANR");
    final RouteSurgeRule rule = new RouteSurgeRule(3.0, 3);

    static RouteWindow window(int count) {
        return RouteWindow.newBuilder().setCount(count).setKilograms(count * 100.0).setEventIds(List.of("x"))
                .setFirstEventTime(0).setLastEventTime(1).build();
    }

    @Test
    void threeTimesTheBaselineIsASurge() {
        Finding f = rule.evaluate(ROUTE, 0, 7, window(6), List.of(2, 2, 2, 2)).orElseThrow();
        assertThat(f.attributes()).containsEntry("baseline", "2.00").containsEntry("count", "6");
        assertThat(f.baseSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.evidence().ports()).containsExactly("BEANR");
    }

    @Test
    void justBelowTheThresholdIsNot() {
        assertThat(rule.evaluate(ROUTE, 0, 7, window(5), List.of(2, 2, 2, 2))).isEmpty();
    }

    @Test
    void emptyWindowsCountAsZeroButTheMinimumHolds() {
        assertThat(rule.evaluate(ROUTE, 0, 7, window(3), List.of(0, 0, 0, 0))).isPresent();
        assertThat(rule.evaluate(ROUTE, 0, 7, window(2), List.of(0, 0, 0, 0))).isEmpty();
    }

    @Test
    void twiceTheThresholdIsHigh() {
        assertThat(rule.evaluate(ROUTE, 0, 7, window(12), List.of(2, 2, 2, 2)).orElseThrow().baseSeverity())
                .isEqualTo(Severity.HIGH);
    }
}
