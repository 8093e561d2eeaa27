package eu.portalliance.topology.scoreboard;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.topology.avro.ScoreboardRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanRateCheckTest {
    static ScoreboardRow row(String port, boolean risk, long arrivals, long checked) {
        return ScoreboardRow.newBuilder().setWeek("2025-01-06").setOrigin("EC").setPort(port).setRiskOrigin(risk)
                .setArrivals(arrivals).setChecked(checked).build();
    }

    @Test
    void aPortCheckingUnderHalfTheRestOfTheAllianceOnARiskRouteFallsShort() {
        // Rotterdam 1 of 40 (2.5 %); the rest 10 of 40 (25 %).
        List<ScanRateCheck.Shortfall> out = ScanRateCheck.shortfalls(List.of(row("BEANR", true, 40, 10), row("NLRTM", true, 40, 1)));
        assertThat(out).hasSize(1);
        ScanRateCheck.Shortfall s = out.get(0);
        assertThat(s.port()).isEqualTo("NLRTM");
        assertThat(s.rate()).isEqualTo(1 / 40.0);
        assertThat(s.othersRate()).isEqualTo(10 / 40.0);
        assertThat(s.othersArrivals()).isEqualTo(40);
    }

    @Test
    void exactlyHalfTheRestIsNotWellBelow() {
        assertThat(ScanRateCheck.shortfalls(List.of(row("BEANR", true, 40, 10), row("NLRTM", true, 40, 5)))).isEmpty();
        assertThat(ScanRateCheck.shortfalls(List.of(row("BEANR", true, 40, 10), row("NLRTM", true, 40, 4))))
                .extracting(ScanRateCheck.Shortfall::port).containsExactly("NLRTM");
    }

    @Test
    void aNeutralOriginOrTooFewArrivalsSayNothing() {
        assertThat(ScanRateCheck.shortfalls(List.of(row("BEANR", false, 40, 10), row("NLRTM", false, 40, 0)))).isEmpty();
        int few = ScanRateCheck.MINIMUM_ARRIVALS - 1;
        assertThat(ScanRateCheck.shortfalls(List.of(row("BEANR", true, 40, 10), row("NLRTM", true, few, 0)))).isEmpty();
        assertThat(ScanRateCheck.shortfalls(List.of(row("BEANR", true, few, 10), row("NLRTM", true, 40, 0))))
                .as("the rest of the alliance saw too few to compare").isEmpty();
    }
}
