package eu.portalliance.topology;

import static eu.portalliance.topology.Events.CONTAINER;
import static eu.portalliance.topology.Events.T0;
import static eu.portalliance.topology.Events.seizure;
import static eu.portalliance.topology.Events.suspicion;
import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.HandlingRestriction;
import eu.portalliance.avro.Indicator;
import eu.portalliance.avro.Party;
import eu.portalliance.avro.RiskLevel;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.Severity;
import eu.portalliance.avro.SubjectType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entity rules (R1, C1, R12) and the severity modifiers (R2, R7) through the whole topology. */
class CorrelationTopologyTest {
    static final Duration WINDOW = Duration.ofDays(90);
    static final Duration GRACE = Duration.ofDays(7);

    @TempDir
    Path dir;
    TopologyFixture t;

    @BeforeEach
    void start() {
        t = new TopologyFixture(TopologyFixture.config(dir));
    }

    @AfterEach
    void stop() {
        t.close();
    }

    /** Seizures about the container only: no vessel, no parties, so only the container entity can correlate. */
    static SeizureReport.Builder containerOnly(String id, String port, Instant time) {
        return seizure(id, port, time).setVesselImo(null).setConsignee(null);
    }

    static List<Alert> ofType(List<Alert> alerts, AlertType type) {
        return alerts.stream().filter(a -> a.getType() == type).toList();
    }

    @Test
    void r1ContainerSeizedAtTwoPortsRaisesOneAlertWithLineage() {
        t.seizure(containerOnly("BEANR-1", "BEANR", T0).build());
        assertThat(t.readAlerts()).isEmpty();

        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.plus(Duration.ofDays(3))).setHandlingCode(HandlingCode.TLP_AMBER)
                .setHandlingRestrictions(List.of(HandlingRestriction.H2)).build());

        List<Alert> alerts = t.readAlerts();
        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.getType()).isEqualTo(AlertType.CROSS_PORT_ENTITY);
        assertThat(a.getRuleId()).isEqualTo("R1");
        assertThat(a.getRuleVersion()).isEqualTo(1);
        assertThat(a.getEntityType()).isEqualTo(EntityType.CONTAINER);
        assertThat(a.getEntityId()).isEqualTo(CONTAINER);
        assertThat(a.getPorts()).containsExactly("BEANR", "NLRTM");
        assertThat(a.getSourceEventIds()).containsExactly("BEANR-1", "NLRTM-1");
        assertThat(a.getHandlingCode()).isEqualTo(HandlingCode.TLP_AMBER);
        assertThat(a.getHandlingRestrictions()).containsExactly(HandlingRestriction.H2);
        assertThat(a.getKilograms()).isEqualTo(240.0);
        assertThat(a.getSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(a.getFirstEventTime()).isEqualTo(T0);
        assertThat(a.getRaisedAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
        assertThat(a.getSummary()).contains(CONTAINER).contains("BEANR").contains("NLRTM");
        assertThat(a.getAlertId()).startsWith("R1-");
    }

    @Test
    void r1SamePortTwiceIsNotCrossPort() {
        t.seizure(containerOnly("BEANR-1", "BEANR", T0).build());
        t.seizure(containerOnly("BEANR-2", "BEANR", T0.plusSeconds(3600)).build());
        assertThat(t.readAlerts()).isEmpty();
    }

    @Test
    void r1AThirdPortEscalatesToHigh() {
        t.seizure(containerOnly("BEANR-1", "BEANR", T0).build());
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.plusSeconds(3600)).build());
        t.seizure(containerOnly("DEHAM-1", "DEHAM", T0.plusSeconds(7200)).build());
        List<Alert> alerts = t.readAlerts();
        assertThat(alerts).extracting(Alert::getPorts).containsExactly(List.of("BEANR", "NLRTM"), List.of("BEANR", "DEHAM", "NLRTM"));
        assertThat(alerts.get(1).getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(alerts.get(1).getAlertId()).isNotEqualTo(alerts.get(0).getAlertId());
    }

    @Test
    void r1JustInsideTheWindowCorrelates() {
        t.seizure(containerOnly("BEANR-1", "BEANR", T0).build());
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.plus(WINDOW).minusMillis(1)).build());
        assertThat(ofType(t.readAlerts(), AlertType.CROSS_PORT_ENTITY)).hasSize(1);
    }

    @Test
    void r1JustOutsideTheWindowDoesNot() {
        t.seizure(containerOnly("BEANR-1", "BEANR", T0).build());
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.plus(WINDOW).plusMillis(1)).build());
        assertThat(t.readAlerts()).isEmpty();
    }

    @Test
    void r1OutOfOrderWithinGraceStillCorrelates() {
        t.seizure(containerOnly("BEANR-1", "BEANR", T0).build());
        t.seizure(containerOnly("BEANR-2", "BEANR", T0.plus(Duration.ofDays(96))).build());
        // Latest is T0+96d; the horizon is T0+96d-90d-7d = T0-1d. One millisecond inside it:
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.minus(Duration.ofDays(1)).plusMillis(1)).build());
        List<Alert> alerts = t.readAlerts();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).getSourceEventIds()).containsExactly("NLRTM-1", "BEANR-1");
    }

    @Test
    void r1LateBeyondGraceIsCountedNotCorrelated() {
        t.seizure(containerOnly("BEANR-1", "BEANR", T0).build());
        t.seizure(containerOnly("BEANR-2", "BEANR", T0.plus(Duration.ofDays(96))).build());
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.minus(Duration.ofDays(1)).minusMillis(1)).build());
        assertThat(t.readAlerts()).isEmpty();
        assertThat(t.metric("late-sightings-total")).isEqualTo(1.0);
    }

    @Test
    void oldSightingsLeaveByRetentionNotByRewritingTheEntity() {
        org.apache.kafka.streams.state.WindowStore<String, eu.portalliance.topology.avro.SightingSet> sightings =
                t.driver.getWindowStore(eu.portalliance.topology.query.AllianceStores.ENTITY_SIGHTINGS);
        String quiet = new eu.portalliance.topology.query.EntityRef(EntityType.CONTAINER, CONTAINER).storeKey();
        String busy = new eu.portalliance.topology.query.EntityRef(EntityType.CONTAINER, Events.OTHER_CONTAINER).storeKey();
        t.seizure(containerOnly("BEANR-1", "BEANR", T0).build());
        Instant later = T0.plus(WINDOW);
        t.seizure(containerOnly("BEANR-2", "BEANR", later).setContainerNumber(Events.OTHER_CONTAINER).build());
        assertThat(sightings.fetch(quiet, T0.toEpochMilli()).getSightings()).hasSize(1);

        // Stream time moves past the quiet one's retention (twice window and grace) and its storage segment.
        Duration retention = WINDOW.plus(GRACE).multipliedBy(2);
        Instant end = T0.plus(retention).plus(retention.dividedBy(2)).plus(Duration.ofDays(1));
        t.seizure(containerOnly("BEANR-3", "BEANR", end).setContainerNumber(Events.OTHER_CONTAINER).build());
        assertThat(sightings.fetch(quiet, T0.toEpochMilli())).isNull();
        assertThat(sightings.fetch(busy, end.toEpochMilli()).getSightings()).extracting(s -> s.getEventId()).containsExactly("BEANR-3");
    }

    @Test
    void replayingTheSameEventsRaisesNoNewAlert() {
        SeizureReport a = containerOnly("BEANR-1", "BEANR", T0).build();
        SeizureReport b = containerOnly("NLRTM-1", "NLRTM", T0.plusSeconds(60)).build();
        t.seizure(a);
        t.seizure(b);
        assertThat(t.readAlerts()).hasSize(1);

        t.seizure(a);
        t.seizure(b);
        t.seizure(b);
        assertThat(t.readAlerts()).isEmpty();
        assertThat(t.metric("replayed-sightings-total")).isEqualTo(3.0);
    }

    @Test
    void r1PartyAbusedAtTwoPortsMatchesAcrossSpellings() {
        SeizureReport first = seizure("BEANR-1", "BEANR", T0).setContainerNumber("TGHU8792473").setVesselImo(null)
                .setConsignee(Party.newBuilder().setName("Fruit Import B.V.").setCountry("NL").build()).build();
        SeizureReport second = seizure("ESALG-1", "ESALG", T0.plus(Duration.ofDays(10))).setContainerNumber("MAEU1234567")
                .setVesselImo("9176187").setConsignee(Party.newBuilder().setName("FRUIT IMPORT BV").setCountry("NL").build()).build();
        t.seizure(first);
        t.seizure(second);
        List<Alert> party = t.readAlerts().stream().filter(a -> a.getEntityType() == EntityType.PARTY).toList();
        assertThat(party).hasSize(1);
        assertThat(party.get(0).getEntityId()).isEqualTo("NAME:FRUIT IMPORT/NL");
        assertThat(party.get(0).getParties()).isNotEmpty();
    }

    @Test
    void c1SuspicionAtOnePortConfirmedBySeizureAtAnother() {
        t.suspicion(suspicion("BEANR-S1", "BEANR", T0).setVesselImo(null).build());
        assertThat(t.readAlerts()).isEmpty();
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.plus(Duration.ofDays(2))).build());

        List<Alert> confirmed = ofType(t.readAlerts(), AlertType.SUSPICION_CONFIRMED);
        assertThat(confirmed).hasSize(1);
        assertThat(confirmed.get(0).getRuleId()).isEqualTo("C1");
        assertThat(confirmed.get(0).getSourceEventIds()).containsExactly("BEANR-S1", "NLRTM-1");
        assertThat(confirmed.get(0).getSeverity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void c1MatchingOnContainerAndBillOfLadingIsOneAlert() {
        t.suspicion(suspicion("BEANR-S1", "BEANR", T0).setVesselImo(null).setBillOfLading("BL-778").build());
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.plus(Duration.ofDays(2))).setBillOfLading("BL-778").build());
        assertThat(ofType(t.readAlerts(), AlertType.SUSPICION_CONFIRMED)).hasSize(1);
    }

    @Test
    void c1SuspicionAndSeizureAtTheSamePortIsNotConfirmationElsewhere() {
        t.suspicion(suspicion("BEANR-S1", "BEANR", T0).setVesselImo(null).build());
        t.seizure(containerOnly("BEANR-1", "BEANR", T0.plus(Duration.ofDays(2))).build());
        assertThat(t.readAlerts()).isEmpty();
    }

    @Test
    void r7InsiderSignalRaisesSeverityWithItsReason() {
        t.suspicion(suspicion("BEANR-S1", "BEANR", T0).setVesselImo(null)
                .setIndicators(List.of(Indicator.SEAL_MISMATCH, Indicator.TOS_RECORD_EDITED)).build());
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.plus(Duration.ofDays(2))).build());
        Alert c1 = ofType(t.readAlerts(), AlertType.SUSPICION_CONFIRMED).get(0);
        assertThat(c1.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(c1.getSeverityReasons()).anyMatch(r -> r.startsWith("R7: insider signal at BEANR") && r.contains("TOS_RECORD_EDITED"));
    }

    @Test
    void r2RiskOriginCountsOnlyAsListedAtTheEventsOwnTime() {
        Instant listed = T0.plus(Duration.ofDays(10));
        Instant withdrawn = T0.plus(Duration.ofDays(30));
        t.riskOrigin("EC", RiskLevel.HIGH, listed);
        t.riskOrigin("EC", RiskLevel.NONE, withdrawn);

        // Before the listing: no R2.
        t.seizure(containerOnly("BEANR-1", "BEANR", T0).build());
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.plus(Duration.ofDays(1))).build());
        Alert before = t.readAlerts().get(0);
        assertThat(before.getSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(before.getSeverityReasons()).noneMatch(r -> r.startsWith("R2"));

        // While listed: severity +1 and the reason names the origin and the listing date.
        t.seizure(containerOnly("BEANR-2", "BEANR", listed.plus(Duration.ofDays(1))).setContainerNumber("TGHU8792473").build());
        t.seizure(containerOnly("NLRTM-2", "NLRTM", listed.plus(Duration.ofDays(2))).setContainerNumber("TGHU8792473").build());
        Alert during = t.readAlerts().get(0);
        assertThat(during.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(during.getSeverityReasons()).contains("R2: route touches risk origin EC (HIGH since 2024-03-11)");

        // After the withdrawal: no R2 again.
        t.seizure(containerOnly("BEANR-3", "BEANR", withdrawn.plus(Duration.ofDays(1))).setContainerNumber("MAEU1234567").build());
        t.seizure(containerOnly("NLRTM-3", "NLRTM", withdrawn.plus(Duration.ofDays(2))).setContainerNumber("MAEU1234567").build());
        Alert after = t.readAlerts().get(0);
        assertThat(after.getSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(after.getSeverityReasons()).noneMatch(r -> r.startsWith("R2"));
    }

    @Test
    void r12RepeatedSeizuresOnOneVesselWarnItsNextPortsOfCall() {
        t.seizure(seizure("BEANR-1", "BEANR", T0).setConsignee(null).build());
        t.seizure(seizure("BEANR-2", "BEANR", T0.plus(Duration.ofDays(20))).setConsignee(null)
                .setContainerNumber("TGHU8792473").setNextPortsOfCall(List.of("DEHAM", "PLGDN")).build());
        List<Alert> repeats = ofType(t.readAlerts(), AlertType.VESSEL_REPEAT);
        assertThat(repeats).hasSize(1);
        Alert a = repeats.get(0);
        assertThat(a.getRuleId()).isEqualTo("R12");
        assertThat(a.getEntityId()).isEqualTo(Events.VESSEL);
        assertThat(a.getAddressedTo()).containsExactly("DEHAM", "PLGDN");
        assertThat(a.getSourceEventIds()).containsExactly("BEANR-1", "BEANR-2");
        assertThat(a.getSeverity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void r12SuspicionsAboutAVesselAreNotSeizures() {
        t.suspicion(suspicion("BEANR-S1", "BEANR", T0).setSubjectType(SubjectType.VESSEL).setContainerNumber(null).build());
        t.seizure(seizure("BEANR-1", "BEANR", T0.plus(Duration.ofDays(1))).setConsignee(null).build());
        assertThat(ofType(t.readAlerts(), AlertType.VESSEL_REPEAT)).isEmpty();
    }
}
