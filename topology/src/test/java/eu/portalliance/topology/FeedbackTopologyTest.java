package eu.portalliance.topology;

import eu.portalliance.topics.Topics.DlqHeaders;
import static eu.portalliance.topology.Events.T0;
import static eu.portalliance.topology.Events.seizure;
import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertOutcome;
import eu.portalliance.avro.CheckPerformed;
import eu.portalliance.avro.OutcomeResult;
import eu.portalliance.avro.RulePrecision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ports report what their checks found; the alliance keeps precision per rule and version. */
class FeedbackTopologyTest {
    @TempDir
    Path dir;
    TopologyFixture t;
    Alert alert;

    @BeforeEach
    void start() {
        t = new TopologyFixture(TopologyFixture.config(dir));
        t.seizure(seizure("A", "BEANR", T0).setVesselImo(null).setConsignee(null).build());
        t.seizure(seizure("B", "NLRTM", T0.plusSeconds(60)).setVesselImo(null).setConsignee(null).build());
        alert = t.readAlerts().get(0);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    static AlertOutcome outcome(String alertId, String port, OutcomeResult result, double kg) {
        return AlertOutcome.newBuilder().setAlertId(alertId).setPort(port).setReportedAt(Instant.parse("2024-03-05T10:00:00Z"))
                .setCheckPerformed(CheckPerformed.PHYSICAL).setOutcome(result).setKilogramsSeized(kg)
                .setRuleId("R99").setRuleVersion(42).build();
    }

    private RulePrecision latest() {
        List<RulePrecision> all = t.precision().readValuesToList();
        return all.get(all.size() - 1);
    }

    @Test
    void outcomesAddUpToPrecisionPerRuleAndVersion() {
        t.outcome(outcome(alert.getAlertId(), "NLRTM", OutcomeResult.CONFIRMED, 120));
        RulePrecision afterOne = latest();
        // Attributed from the alliance's own record of the alert, not from what the port wrote.
        assertThat(afterOne.getRuleId()).isEqualTo("R1");
        assertThat(afterOne.getRuleVersion()).isEqualTo(2);
        assertThat(afterOne.getConfirmed()).isEqualTo(1);
        assertThat(afterOne.getPrecision()).isEqualTo(1.0);
        assertThat(afterOne.getKilogramsSeized()).isEqualTo(120.0);

        t.outcome(outcome(alert.getAlertId(), "BEANR", OutcomeResult.NOTHING_FOUND, 0));
        RulePrecision afterTwo = latest();
        assertThat(afterTwo.getNothingFound()).isEqualTo(1);
        assertThat(afterTwo.getPrecision()).isEqualTo(0.5);
    }

    @Test
    void aCorrectedOutcomeReplacesThePortsEarlierOne() {
        t.outcome(outcome(alert.getAlertId(), "NLRTM", OutcomeResult.NOT_CHECKED, 0));
        t.outcome(outcome(alert.getAlertId(), "NLRTM", OutcomeResult.CONFIRMED, 80));
        RulePrecision p = latest();
        assertThat(p.getNotChecked()).isZero();
        assertThat(p.getConfirmed()).isEqualTo(1);
        assertThat(p.getKilogramsSeized()).isEqualTo(80.0);
        t.outcome(outcome(alert.getAlertId(), "NLRTM", OutcomeResult.NOTHING_FOUND, 0));
        p = latest();
        assertThat(p.getConfirmed()).isZero();
        assertThat(p.getNothingFound()).isEqualTo(1);
        assertThat(p.getKilogramsSeized()).isZero();
        assertThat(p.getPrecision()).isEqualTo(0.0);
    }

    @Test
    void anOutcomeForAnUnknownAlertGoesToTheDlq() {
        t.outcome(outcome("R1-doesnotexist", "NLRTM", OutcomeResult.CONFIRMED, 10));
        assertThat(new String(t.dlq.readRecord().headers().lastHeader(DlqHeaders.REASON).value(), StandardCharsets.UTF_8))
                .isEqualTo("UNKNOWN_ALERT");
        assertThat(t.precision().isEmpty()).isTrue();
    }

    @Test
    void kilogramsWithoutAConfirmedCheckAreRejected() {
        t.outcome(outcome(alert.getAlertId(), "NLRTM", OutcomeResult.NOTHING_FOUND, 10));
        assertThat(new String(t.dlq.readRecord().headers().lastHeader(DlqHeaders.MESSAGE).value(), StandardCharsets.UTF_8))
                .contains("only CONFIRMED checks seize anything");
    }
}
