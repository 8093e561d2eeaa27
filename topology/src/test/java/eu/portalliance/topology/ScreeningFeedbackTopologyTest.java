package eu.portalliance.topology;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.ScanImage;
import eu.portalliance.avro.ScanResult;
import eu.portalliance.avro.ScreeningCriterion;
import eu.portalliance.avro.ScreeningPrecision;
import eu.portalliance.topics.Topics;
import eu.portalliance.validation.RejectReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ports' scan results back into the profile's hit rates, per version and criterion. */
class ScreeningFeedbackTopologyTest {
    @TempDir
    Path dir;
    TopologyFixture alliance;

    @BeforeEach
    void start() {
        alliance = new TopologyFixture(TopologyFixture.config(dir));
    }

    @AfterEach
    void stop() {
        alliance.close();
    }

    private static ScanResult.Builder result(String recommendation, List<ScreeningCriterion> criteria) {
        return ScanResult.newBuilder().setRecommendationId(recommendation).setPort("NLRTM").setContainerNumber(Events.CONTAINER)
                .setResultTime(Events.T0).setProfileVersion(1).setCriteria(criteria).setControlPick(false)
                .setScanned(true).setImage(ScanImage.CLEAR);
    }

    @Test
    void eachCheckCountsOnceForEveryCriterionThatRecommendedItAndControlPicksGiveTheBaseRate() {
        ScanResult hit = result("SCAN-1", List.of(ScreeningCriterion.ENTITY_HIT, ScreeningCriterion.RISK_ORIGIN))
                .setImage(ScanImage.ANOMALY).setPhysicalCheck(true).setSeizure(true).setKilograms(120).build();
        alliance.scanResult(hit);
        alliance.scanResult(hit);
        alliance.scanResult(result("SCAN-2", List.of(ScreeningCriterion.RISK_ORIGIN)).build());
        alliance.scanResult(result("SCAN-3", List.of(ScreeningCriterion.CONTROL)).setControlPick(true).build());
        alliance.scanResult(result("SCAN-4", List.of(ScreeningCriterion.RISK_ORIGIN)).setScanned(false).setImage(ScanImage.NOT_SCANNED).build());

        Map<String, ScreeningPrecision> rates = alliance.screeningPrecision().readKeyValuesToMap();
        assertThat(rates).containsOnlyKeys("v1:ENTITY_HIT", "v1:RISK_ORIGIN", "v1:CONTROL");
        assertThat(rates.get("v1:ENTITY_HIT")).satisfies(p -> {
            assertThat(p.getChecked()).as("a resend is not a second check").isEqualTo(1);
            assertThat(p.getSeizures()).isEqualTo(1);
            assertThat(p.getKilograms()).isEqualTo(120.0);
            assertThat(p.getHitRate()).isEqualTo(1.0);
        });
        assertThat(rates.get("v1:RISK_ORIGIN")).satisfies(p -> {
            assertThat(p.getChecked()).as("not scanned is not a check").isEqualTo(2);
            assertThat(p.getAnomalies()).isEqualTo(1);
            assertThat(p.getHitRate()).isEqualTo(0.5);
        });
        assertThat(rates.get("v1:CONTROL").getHitRate()).isEqualTo(0.0);
    }

    @Test
    void aResultThatContradictsItselfGoesToTheDeadLetterTopic() {
        alliance.scanResult(result("SCAN-9", List.of()).setKilograms(50).build());
        alliance.scanResult(result("SCAN-10", List.of()).setScanned(false).build());
        alliance.scanResult("NLRTM", result("SCAN-11", List.of()).setPort("DEHAM").build());
        var dead = alliance.dlq.readRecordsToList();
        assertThat(dead).extracting(r -> new String(r.headers().lastHeader(Topics.DlqHeaders.REASON).value(), StandardCharsets.UTF_8))
                .containsExactly(RejectReason.INVALID_VALUE.name(), RejectReason.INVALID_VALUE.name(), RejectReason.PORT_MISMATCH.name());
        assertThat(alliance.screeningPrecision().isEmpty()).isTrue();
    }
}
