package eu.portalliance.topology.cases;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.RiskLevel;
import eu.portalliance.avro.Severity;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CaseScoreTest {
    static CaseScore.Facts facts(int seizures, int ports, double kg) {
        return new CaseScore.Facts(seizures, ports, kg, false, false, false, 0, 0.5, null, null);
    }

    @Test
    void bandsAtTheirEdges() {
        assertThat(CaseScore.band(CaseScore.CRITICAL)).isEqualTo(Severity.CRITICAL);
        assertThat(CaseScore.band(Math.nextDown(CaseScore.CRITICAL))).isEqualTo(Severity.HIGH);
        assertThat(CaseScore.band(CaseScore.HIGH)).isEqualTo(Severity.HIGH);
        assertThat(CaseScore.band(Math.nextDown(CaseScore.HIGH))).isEqualTo(Severity.MEDIUM);
        assertThat(CaseScore.band(CaseScore.MEDIUM)).isEqualTo(Severity.MEDIUM);
        assertThat(CaseScore.band(Math.nextDown(CaseScore.MEDIUM))).isEqualTo(Severity.LOW);
    }

    @Test
    void theFormulaAddsItsPartsAndSaysSo() {
        // A seizure +35, two ports +8, 50 kg +10·log10(1.5), two seizures +5; no feedback yet, so × 1.
        CaseScore.Result r = CaseScore.of(facts(2, 2, 50));
        assertThat(r.score()).isEqualTo(Math.round((35 + 8 + 10 * Math.log10(1.5) + 5) * 10) / 10.0);
        assertThat(r.reasons()).contains("seizure in the evidence +35", "2 ports +8", "2 seizures +5");
        assertThat(CaseScore.of(facts(0, 2, 0)).reasons()).contains("warnings only +15");
    }

    @Test
    void aRiskOriginCountsOnlyWhereItIsUnusualForThePort() {
        assertThat(CaseScore.unusualRisk(RiskLevel.HIGH, OptionalDouble.of(0.9))).isZero();
        assertThat(CaseScore.unusualRisk(RiskLevel.HIGH, OptionalDouble.of(CaseScore.ROUTINE_SHARE / 2))).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(CaseScore.unusualRisk(RiskLevel.HIGH, OptionalDouble.of(0.0))).isEqualTo(1.0);
        assertThat(CaseScore.unusualRisk(RiskLevel.NONE, OptionalDouble.of(0.0))).isZero();
        assertThat(CaseScore.unusualRisk(RiskLevel.HIGH, OptionalDouble.empty())).as("no baseline, no claim").isZero();
        double routine = CaseScore.of(new CaseScore.Facts(1, 2, 100, true, false, false, CaseScore.unusualRisk(RiskLevel.HIGH, OptionalDouble.of(0.9)), 0.5, null, null)).score();
        double unusual = CaseScore.of(new CaseScore.Facts(1, 2, 100, true, false, false, CaseScore.unusualRisk(RiskLevel.HIGH, OptionalDouble.of(0.0)), 0.5, null, null)).score();
        assertThat(unusual - routine).isGreaterThan(12);
    }

    @Test
    void outcomeFeedbackMovesTheScoreOfARuleVersion() {
        double unknown = CaseScore.of(facts(1, 2, 100)).score();
        double trusted = CaseScore.of(new CaseScore.Facts(1, 2, 100, false, false, false, 0, CaseScore.smoothedPrecision(9, 0), null, null)).score();
        double doubted = CaseScore.of(new CaseScore.Facts(1, 2, 100, false, false, false, 0, CaseScore.smoothedPrecision(0, 9), null, null)).score();
        assertThat(CaseScore.smoothedPrecision(0, 0)).isEqualTo(0.5);
        assertThat(trusted).isGreaterThan(unknown).isGreaterThan(doubted);
    }

    @Test
    void anEntityFlaggedAnywayWeighsLessTheMoreItsSeizuresAreWhatItsVolumeBrings() {
        CaseScore.Facts base = facts(2, 2, 500);
        double unknown = CaseScore.of(base).score();
        double busy = CaseScore.of(withRoutine(base, 200, 2.0)).score();
        double huge = CaseScore.of(withRoutine(base, 9000, 90)).score();
        assertThat(CaseScore.of(withRoutine(base, 0, 0)).score()).isEqualTo(unknown);
        assertThat(busy).isLessThan(unknown);
        assertThat(huge).isLessThan(busy);
        assertThat(huge / unknown).isCloseTo(1 - CaseScore.ROUTINE_DISCOUNT, org.assertj.core.data.Offset.offset(0.01));
        assertThat(CaseScore.of(withRoutine(base, 200, 2.0)).reasons())
                .anyMatch(r -> r.matches("× 0\\.\\d\\d: party flagged 200 times in the window, 2 seizures where 2\\.0 are usual"));
    }

    @Test
    void aSurgeCountsByHowUnlikelyItIsNotByItsSize() {
        CaseScore.Facts quiet = new CaseScore.Facts(6, 1, 600, false, false, false, 0, 0.5, new CaseScore.Surge(6, 0.5, 4.8), null);
        CaseScore.Facts busy = new CaseScore.Facts(9, 1, 900, false, false, false, 0, 0.5, new CaseScore.Surge(9, 3.0, 2.1), null);
        assertThat(CaseScore.of(quiet).score()).isGreaterThan(CaseScore.of(busy).score());
        assertThat(CaseScore.of(quiet).reasons()).contains("6 seizures in one window where 0.5 are usual +24")
                .noneMatch(r -> r.endsWith("seizures +15"));
    }

    @Test
    void theScoreStopsAtItsMaximumAndStillSaysWhy() {
        CaseScore.Result r = CaseScore.of(new CaseScore.Facts(3, 3, 5000, true, true, true, 1, 0.9, null, null));
        assertThat(r.score()).isEqualTo(CaseScore.MAX);
        assertThat(r.reasons()).contains("insider signal +20", "one container number at two places at once +50");
    }

    static CaseScore.Facts withRoutine(CaseScore.Facts f, int flags, double expected) {
        return new CaseScore.Facts(f.seizures(), f.ports(), f.kilograms(), f.confirmedWarning(), f.cloned(), f.insider(),
                f.unusualRisk(), f.precision(), null, new CaseScore.Routine("party", flags, expected));
    }
}
