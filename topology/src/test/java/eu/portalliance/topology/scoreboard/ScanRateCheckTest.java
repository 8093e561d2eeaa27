package eu.portalliance.topology.scoreboard;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.topology.avro.ScoreboardRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanRateCheckTest {
    static ScoreboardRow row(String port, boolean risk, long arrivals, long toCheck, long checked) {
        return ScoreboardRow.newBuilder().setWeek("2025-01-06").setOrigin("EC").setPort(port).setRiskOrigin(risk)
                .setArrivals(arrivals).setToCheck(toCheck).setChecked(checked).build();
    }

    @Test
    void aPortCheckingUnderHalfWhatTheRestOfTheAllianceChecksOfItsRecommendationsFallsShort() {
        // Rotterdam checked 1 of the 20 it was asked to (5 %); the rest 18 of 20 (90 %).
        List<ScanRateCheck.Shortfall> out = ScanRateCheck.shortfalls(List.of(row("BEANR", true, 400, 20, 18), row("NLRTM", true, 400, 20, 1)));
        assertThat(out).hasSize(1);
        ScanRateCheck.Shortfall s = out.get(0);
        assertThat(s.port()).isEqualTo("NLRTM");
        assertThat(s.rate()).isEqualTo(1 / 20.0);
        assertThat(s.othersRate()).isEqualTo(18 / 20.0);
        assertThat(s.othersToCheck()).isEqualTo(20);
    }

    @Test
    void exactlyHalfTheRestIsNotWellBelow() {
        assertThat(ScanRateCheck.shortfalls(List.of(row("BEANR", true, 400, 20, 18), row("NLRTM", true, 400, 20, 9)))).isEmpty();
        assertThat(ScanRateCheck.shortfalls(List.of(row("BEANR", true, 400, 20, 18), row("NLRTM", true, 400, 20, 8))))
                .extracting(ScanRateCheck.Shortfall::port).containsExactly("NLRTM");
    }

    @Test
    void aPortAskedToCheckLessIsNotWeakForCheckingLess() {
        // Antwerp has an open route surge and is asked to check 100 of 400; Rotterdam 10 of 400 and checks all 10.
        assertThat(ScanRateCheck.shortfalls(List.of(row("BEANR", true, 400, 100, 90), row("NLRTM", true, 400, 10, 10)))).isEmpty();
    }

    @Test
    void aNeutralOriginOrTooFewToCheckSayNothing() {
        assertThat(ScanRateCheck.shortfalls(List.of(row("BEANR", false, 400, 20, 18), row("NLRTM", false, 400, 20, 0)))).isEmpty();
        int few = ScanRateCheck.MINIMUM_TO_CHECK - 1;
        assertThat(ScanRateCheck.shortfalls(List.of(row("BEANR", true, 400, 20, 18), row("NLRTM", true, 400, few, 0)))).isEmpty();
        assertThat(ScanRateCheck.shortfalls(List.of(row("BEANR", true, 400, few, 9), row("NLRTM", true, 400, 20, 0))))
                .as("the rest of the alliance was asked too little to compare").isEmpty();
    }
}
