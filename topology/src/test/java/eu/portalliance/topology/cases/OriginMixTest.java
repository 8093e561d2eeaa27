package eu.portalliance.topology.cases;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.topology.avro.PortOrigins;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginMixTest {
    static final long WEEK = Duration.ofDays(7).toMillis();

    @Test
    void sharesByCountryOverThirteenCompleteWeeksBeforeLastWeek() {
        PortOrigins mix = null;
        for (int i = 0; i < 3; i++) {
            mix = OriginMix.add(mix, List.of("ECGYE"), i * WEEK);
        }
        mix = OriginMix.add(mix, List.of("ECPSJ"), 3 * WEEK);
        mix = OriginMix.add(mix, List.of("CNSHA"), 3 * WEEK + 1);
        assertThat(OriginMix.share(mix, "ECGYE", 5 * WEEK)).hasValue(0.8);
        assertThat(OriginMix.share(mix, "CN", 5 * WEEK)).hasValue(0.2);
        assertThat(OriginMix.share(null, "EC", 0)).as("no baseline").isEmpty();
        assertThat(OriginMix.share(mix, "EC", 0)).as("nothing before last week").isEmpty();
    }

    @Test
    void theCurrentAndTheLastWeekDoNotCountYetSoLateArrivalsChangeNothing() {
        PortOrigins mix = OriginMix.add(null, List.of("ECGYE"), 0);
        var before = OriginMix.share(mix, "EC", 2 * WEEK + 5);
        mix = OriginMix.add(mix, List.of("CNSHA"), WEEK + 3);
        mix = OriginMix.add(mix, List.of("CNSHA"), 2 * WEEK + 1);
        assertThat(OriginMix.share(mix, "EC", 2 * WEEK + 5)).isEqualTo(before).hasValue(1.0);
    }

    @Test
    void aTransshipmentCountryCountsAsMuchAsAPortOfLoading() {
        PortOrigins mix = OriginMix.add(null, List.of("ZADUR", "PABLB"), 0);
        mix = OriginMix.add(mix, List.of("CNSHA"), 1);
        mix = OriginMix.add(mix, List.of("PAMIT", "PABLB"), 2);
        assertThat(OriginMix.share(mix, "PABLB", 2 * WEEK).getAsDouble()).as("two of three boxes came through Panama")
                .isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(OriginMix.share(mix, "ZADUR", 2 * WEEK).getAsDouble()).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void weeksOlderThanTheSpanAreDropped() {
        PortOrigins mix = OriginMix.add(null, List.of("ECGYE"), 0);
        mix = OriginMix.add(mix, List.of("CNSHA"), 20 * WEEK);
        assertThat(mix.getWeeks()).hasSize(1);
        assertThat(OriginMix.share(mix, "EC", 22 * WEEK)).hasValue(0.0);
    }
}
