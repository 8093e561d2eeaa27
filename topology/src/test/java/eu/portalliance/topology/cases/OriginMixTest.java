package eu.portalliance.topology.cases;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.topology.avro.OriginWeek;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginMixTest {
    static final long WEEK = Duration.ofDays(7).toMillis();

    @Test
    void sharesByCountryOverTheWeeksGiven() {
        OriginWeek a = OriginMix.add(OriginMix.add(null, List.of("ECGYE"), 0), List.of("ECGYE"), 1);
        OriginWeek b = OriginMix.add(OriginMix.add(OriginMix.add(null, List.of("ECGYE"), WEEK),
                List.of("ECPSJ"), WEEK + 1), List.of("CNSHA"), WEEK + 2);
        assertThat(OriginMix.share(List.of(a, b), "ECGYE")).hasValue(0.8);
        assertThat(OriginMix.share(List.of(a, b), "CN")).hasValue(0.2);
        assertThat(OriginMix.share(List.of(), "EC")).as("no baseline").isEmpty();
    }

    @Test
    void aWeekCountsInItsOwnWeekWhateverTheTimeWithinIt() {
        OriginWeek w = OriginMix.add(null, List.of("ECGYE"), 3 * WEEK + 5);
        w = OriginMix.add(w, List.of("CNSHA"), 4 * WEEK - 1);
        assertThat(w.getWeekStart()).isEqualTo(3 * WEEK);
        assertThat(w.getCounts()).containsEntry("EC", 1).containsEntry("CN", 1).containsEntry(OriginMix.CONTAINERS, 2);
    }

    @Test
    void aTransshipmentCountryCountsAsMuchAsAPortOfLoadingAndOncePerContainer() {
        OriginWeek w = OriginMix.add(null, List.of("ZADUR", "PABLB"), 0);
        w = OriginMix.add(w, List.of("CNSHA"), 1);
        w = OriginMix.add(w, List.of("PAMIT", "PABLB"), 2);
        assertThat(OriginMix.share(List.of(w), "PABLB").getAsDouble()).as("two of three boxes came through Panama")
                .isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(OriginMix.share(List.of(w), "ZADUR").getAsDouble()).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theBaselineIsTheThirteenWeeksBeforeLastWeek() {
        OriginMix.Baseline weeks = OriginMix.Baseline.at(20 * WEEK + 3);
        assertThat((weeks.lastWeek() - weeks.firstWeek()) / WEEK + 1).as("weeks in the baseline").isEqualTo(13);
        assertThat(weeks.firstWeek()).isEqualTo(6 * WEEK);
        assertThat(weeks.lastWeek()).as("last week (19) and the current one (20) are left out").isEqualTo(18 * WEEK);
    }
}
