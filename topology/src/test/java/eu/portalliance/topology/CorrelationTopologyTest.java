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
import eu.portalliance.avro.CaseStatus;
import eu.portalliance.avro.PortInfo;
import eu.portalliance.avro.Route;
import eu.portalliance.avro.RuleHit;
import eu.portalliance.avro.SubjectType;
import eu.portalliance.ids.ContainerNumber;
import eu.portalliance.topology.cases.CaseIds;
import eu.portalliance.topology.cases.CaseScore;
import eu.portalliance.topology.query.EntityRef;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entity cases through the whole topology: the rules (R1, C1, R6, R12), folding, revisions, replays, base rates. */
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

    /** Each case once, at its latest revision. */
    static Map<String, Alert> latest(List<Alert> revisions) {
        Map<String, Alert> out = new LinkedHashMap<>();
        revisions.forEach(a -> out.merge(a.getAlertId(), a, (x, y) -> y.getRevision() >= x.getRevision() ? y : x));
        return out;
    }

    @Test
    void aContainerSeizedAtTwoPortsIsOneCaseWithItsLineage() {
        t.seizure(containerOnly("BEANR-1", "BEANR", T0).build());
        assertThat(t.readAlerts()).isEmpty();

        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.plus(Duration.ofDays(3))).setHandlingCode(HandlingCode.TLP_AMBER)
                .setHandlingRestrictions(List.of(HandlingRestriction.H2)).build());

        List<Alert> alerts = t.readAlerts();
        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.getType()).isEqualTo(AlertType.CROSS_PORT_ENTITY);
        assertThat(a.getRuleId()).isEqualTo("R1");
        assertThat(a.getRuleVersion()).isEqualTo(2);
        assertThat(a.getRules()).extracting(RuleHit::getRuleId).containsExactly("R1");
        assertThat(a.getEntityType()).isEqualTo(EntityType.CONTAINER);
        assertThat(a.getEntityId()).isEqualTo(CONTAINER);
        assertThat(a.getPorts()).containsExactly("BEANR", "NLRTM");
        assertThat(a.getSourceEventIds()).containsExactly("BEANR-1", "NLRTM-1");
        assertThat(a.getHandlingCode()).isEqualTo(HandlingCode.TLP_AMBER);
        assertThat(a.getHandlingRestrictions()).containsExactly(HandlingRestriction.H2);
        assertThat(a.getKilograms()).isEqualTo(240.0);
        assertThat(a.getSeverity()).isEqualTo(CaseScore.band(a.getScore()));
        assertThat(a.getScoreReasons()).contains("seizure in the evidence +35", "2 ports +8");
        assertThat(a.getRevision()).isEqualTo(1);
        assertThat(a.getStatus()).isEqualTo(CaseStatus.OPEN);
        assertThat(a.getFirstEventTime()).isEqualTo(T0);
        assertThat(a.getRaisedAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
        assertThat(a.getSummary()).contains(CONTAINER).contains("BEANR").contains("NLRTM");
        assertThat(a.getAlertId()).isEqualTo(CaseIds.ofEntity(new EntityRef(EntityType.CONTAINER, CONTAINER).storeKey(), "BEANR-1"));
    }

    @Test
    void onePortTwiceIsNotCrossPort() {
        t.seizure(containerOnly("BEANR-1", "BEANR", T0).build());
        t.seizure(containerOnly("BEANR-2", "BEANR", T0.plusSeconds(3600)).build());
        assertThat(t.readAlerts()).isEmpty();
    }

    @Test
    void aThirdPortIsTheNextRevisionOfTheSameCase() {
        t.seizure(containerOnly("BEANR-1", "BEANR", T0).build());
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.plusSeconds(3600)).build());
        t.seizure(containerOnly("DEHAM-1", "DEHAM", T0.plusSeconds(7200)).build());
        List<Alert> revisions = t.readAlerts();
        assertThat(revisions).extracting(Alert::getRevision).containsExactly(1, 2);
        assertThat(revisions).extracting(Alert::getAlertId).containsOnly(revisions.get(0).getAlertId());
        assertThat(revisions).extracting(Alert::getPorts).containsExactly(List.of("BEANR", "NLRTM"), List.of("BEANR", "DEHAM", "NLRTM"));
        assertThat(revisions.get(1).getScore()).isGreaterThan(revisions.get(0).getScore());
    }

    @Test
    void justInsideTheWindowCorrelates() {
        t.seizure(containerOnly("BEANR-1", "BEANR", T0).build());
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.plus(WINDOW).minusMillis(1)).build());
        assertThat(ofType(t.readAlerts(), AlertType.CROSS_PORT_ENTITY)).hasSize(1);
    }

    @Test
    void justOutsideTheWindowDoesNot() {
        t.seizure(containerOnly("BEANR-1", "BEANR", T0).build());
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.plus(WINDOW).plusMillis(1)).build());
        assertThat(t.readAlerts()).isEmpty();
    }

    @Test
    void outOfOrderStillCorrelatesAndTheCaseIsNamedByItsEarliestEvidence() {
        t.seizure(containerOnly("BEANR-1", "BEANR", T0).build());
        t.seizure(containerOnly("BEANR-2", "BEANR", T0.plus(Duration.ofDays(96))).build());
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.minus(Duration.ofDays(1))).build());
        List<Alert> alerts = t.readAlerts();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).getSourceEventIds()).containsExactly("NLRTM-1", "BEANR-1");
        assertThat(alerts.get(0).getAlertId()).isEqualTo(CaseIds.ofEntity(new EntityRef(EntityType.CONTAINER, CONTAINER).storeKey(), "NLRTM-1"));
    }

    @Test
    void anEarlierSightingArrivingLateRenamesTheCaseAndClosesTheOldName() {
        t.seizure(containerOnly("BEANR-1", "BEANR", T0).build());
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.plus(Duration.ofDays(2))).build());
        String first = t.readAlerts().get(0).getAlertId();
        t.seizure(containerOnly("DEHAM-1", "DEHAM", T0.minus(Duration.ofDays(2))).build());
        List<Alert> revisions = t.readAlerts();
        Alert merged = revisions.stream().filter(a -> a.getAlertId().equals(first)).findFirst().orElseThrow();
        Alert now = revisions.stream().filter(a -> a.getStatus() == CaseStatus.OPEN).findFirst().orElseThrow();
        assertThat(merged.getStatus()).isEqualTo(CaseStatus.MERGED);
        assertThat(merged.getRevision()).isEqualTo(2);
        assertThat(merged.getMergedInto()).isEqualTo(now.getAlertId());
        assertThat(now.getSourceEventIds()).containsExactly("DEHAM-1", "BEANR-1", "NLRTM-1");
    }

    @Test
    void aSightingOlderThanTheStoreKeepsIsCountedNotCorrelated() {
        t.seizure(containerOnly("BEANR-1", "BEANR", T0).build());
        Duration retention = WINDOW.plus(GRACE).multipliedBy(2);
        t.seizure(containerOnly("BEANR-2", "BEANR", T0.plus(retention).plus(Duration.ofDays(30))).setContainerNumber(Events.OTHER_CONTAINER).build());
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.plus(Duration.ofDays(1))).build());
        assertThat(t.readAlerts()).isEmpty();
        assertThat(t.metric("late-sightings-total")).isEqualTo(1.0);
    }

    @Test
    void oldSightingsLeaveByRetentionNotByRewritingTheEntity() {
        org.apache.kafka.streams.state.WindowStore<String, eu.portalliance.topology.avro.SightingSet> sightings =
                t.driver.getWindowStore(eu.portalliance.topology.query.AllianceStores.ENTITY_SIGHTINGS);
        String quiet = new EntityRef(EntityType.CONTAINER, CONTAINER).storeKey();
        String busy = new EntityRef(EntityType.CONTAINER, Events.OTHER_CONTAINER).storeKey();
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
    void replayingTheSameEventsMakesNoNewRevision() {
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
    void aPartySeizedAtTwoPortsMatchesAcrossSpellings() {
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
    void aWarningConfirmedBySeizureAtAnotherPortIsOneCase() {
        t.suspicion(suspicion("BEANR-S1", "BEANR", T0).setVesselImo(null).build());
        assertThat(t.readAlerts()).isEmpty();
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.plus(Duration.ofDays(2))).build());

        List<Alert> confirmed = ofType(t.readAlerts(), AlertType.SUSPICION_CONFIRMED);
        assertThat(confirmed).hasSize(1);
        assertThat(confirmed.get(0).getRuleId()).isEqualTo("C1");
        assertThat(confirmed.get(0).getSourceEventIds()).containsExactly("BEANR-S1", "NLRTM-1");
        assertThat(confirmed.get(0).getScoreReasons()).contains("a warning confirmed by a seizure +15");
    }

    @Test
    void matchingOnContainerAndBillOfLadingIsOneCase() {
        t.suspicion(suspicion("BEANR-S1", "BEANR", T0).setVesselImo(null).setBillOfLading("BL-778").build());
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.plus(Duration.ofDays(2))).setBillOfLading("BL-778").build());
        assertThat(t.readAlerts()).hasSize(1).allSatisfy(a -> assertThat(a.getEntityType()).isEqualTo(EntityType.CONTAINER));
    }

    @Test
    void aWarningAndASeizureAtTheSamePortIsNotConfirmationElsewhere() {
        t.suspicion(suspicion("BEANR-S1", "BEANR", T0).setVesselImo(null).build());
        t.seizure(containerOnly("BEANR-1", "BEANR", T0.plus(Duration.ofDays(2))).build());
        assertThat(t.readAlerts()).isEmpty();
    }

    @Test
    void r1AndC1OnOneEvidenceFoldIntoOneCaseAndAThirdPortIsItsSecondRevision() {
        t.suspicion(suspicion("BEANR-S1", "BEANR", T0).setVesselImo(null).build());
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.plus(Duration.ofDays(2))).build());
        t.seizure(containerOnly("DEHAM-1", "DEHAM", T0.plus(Duration.ofDays(4))).build());
        List<Alert> revisions = t.readAlerts();
        assertThat(latest(revisions)).hasSize(1);
        Alert last = revisions.get(revisions.size() - 1);
        assertThat(last.getRevision()).isEqualTo(2);
        assertThat(last.getRules()).extracting(RuleHit::getRuleId).containsExactlyInAnyOrder("C1", "R1");
        assertThat(last.getType()).isEqualTo(AlertType.SUSPICION_CONFIRMED);
        assertThat(last.getSourceEventIds()).containsExactly("BEANR-S1", "NLRTM-1", "DEHAM-1");
    }

    @Test
    void twoSeizuresOfOneBoxOnOneVesselAreTheContainersCaseNotASecondOne() {
        t.seizure(seizure("BEANR-1", "BEANR", T0).setConsignee(null).build());
        t.seizure(seizure("NLRTM-1", "NLRTM", T0.plus(Duration.ofDays(2))).setConsignee(null).build());
        Map<String, Alert> cases = latest(t.readAlerts());
        assertThat(cases).hasSize(1);
        assertThat(cases.values().iterator().next().getEntityType()).isEqualTo(EntityType.CONTAINER);
    }

    @Test
    void aBusyVesselFlaggedAtThreePortsIsNoCaseUntilABoxOnItIsSeizedWhereAnotherPortFlaggedIt() {
        for (String port : List.of("BEANR", "NLRTM", "DEHAM")) {
            t.suspicion(suspicion(port + "-V", port, T0).setSubjectType(SubjectType.VESSEL).setContainerNumber(null).build());
            t.suspicion(suspicion(port + "-C", port, T0.plusSeconds(60))
                    .setContainerNumber(port.equals("BEANR") ? CONTAINER : ContainerNumber.of("MSKU", port.hashCode() & 0xFFFF)).build());
        }
        assertThat(t.readAlerts()).as("routine flags of a busy vessel's boxes and of the vessel itself").isEmpty();

        t.seizure(seizure("FRLEH-1", "FRLEH", T0.plus(Duration.ofDays(3))).setConsignee(null).build());
        Map<String, Alert> cases = latest(t.readAlerts());
        assertThat(cases).hasSize(1);
        Alert c = cases.values().iterator().next();
        assertThat(c.getEntityType()).isEqualTo(EntityType.CONTAINER);
        assertThat(c.getRuleId()).isEqualTo("C1");
        assertThat(c.getSourceEventIds()).containsExactly("BEANR-C", "FRLEH-1");
    }

    @Test
    void aVesselsRoutineFlagsAreKeptApartSoItsSeizuresPairWithoutReadingThemYetStillWeighItsScore() {
        List<String> rotation = List.of("BEANR", "NLRTM", "DEHAM", "FRLEH");
        int flags = 200;
        for (int i = 0; i < flags; i++) {
            String port = rotation.get(i % rotation.size());
            t.suspicion(suspicion("FLAG-" + i, port, T0.plus(Duration.ofMinutes(15L * i))).setSubjectType(SubjectType.VESSEL)
                    .setContainerNumber(null).build());
        }
        t.seizure(seizure("ESALG-1", "ESALG", T0.plus(Duration.ofDays(3))).setConsignee(null).setContainerNumber(ContainerNumber.of("MSKU", 11)).build());
        t.seizure(seizure("ITGIT-1", "ITGIT", T0.plus(Duration.ofDays(5))).setConsignee(null).setContainerNumber(ContainerNumber.of("MSKU", 12)).build());

        org.apache.kafka.streams.state.WindowStore<String, eu.portalliance.topology.avro.SightingSet> sightings =
                t.driver.getWindowStore(eu.portalliance.topology.query.AllianceStores.ENTITY_SIGHTINGS);
        String vessel = new EntityRef(EntityType.VESSEL, Events.VESSEL).storeKey();
        assertThat(eventIds(sightings, vessel)).as("what pairing reads").containsExactly("ESALG-1", "ITGIT-1");
        assertThat(eventIds(sightings, EntityRef.routineKey(vessel))).hasSize(flags).allMatch(id -> id.startsWith("FLAG-"));

        Alert c = latest(t.readAlerts()).values().stream().filter(a -> a.getEntityType() == EntityType.VESSEL).findFirst().orElseThrow();
        assertThat(c.getRuleId()).isEqualTo("R12");
        assertThat(c.getSourceEventIds()).containsExactly("ESALG-1", "ITGIT-1");
        assertThat(c.getScoreReasons()).anyMatch(r -> r.contains("vessel flagged " + flags + " times in the window"));
    }

    private static List<String> eventIds(org.apache.kafka.streams.state.WindowStore<String, eu.portalliance.topology.avro.SightingSet> store,
                                         String key) {
        List<String> ids = new java.util.ArrayList<>();
        try (var it = store.fetch(key, Instant.EPOCH, T0.plus(Duration.ofDays(30)))) {
            it.forEachRemaining(kv -> kv.value.getSightings().forEach(s -> ids.add(s.getEventId())));
        }
        return ids;
    }

    @Test
    void oneContainerNumberAtTwoDistantPortsWithinHoursIsAClone() {
        t.port(PortInfo.newBuilder().setLocode("BEANR").setName("Antwerp").setCountry("BE").setAllianceMember(true)
                .setNeighbours(List.of("NLRTM")).build());
        t.suspicion(suspicion("BEANR-S1", "BEANR", T0).setVesselImo(null).build());
        t.suspicion(suspicion("NLRTM-S1", "NLRTM", T0.plus(Duration.ofHours(2))).setVesselImo(null).build());
        assertThat(t.readAlerts()).as("neighbours: a truck does it in hours").isEmpty();
        t.suspicion(suspicion("PTSIE-S1", "PTSIE", T0.plus(Duration.ofHours(3))).setVesselImo(null).build());
        Alert clone = t.readAlerts().get(0);
        assertThat(clone.getType()).isEqualTo(AlertType.CLONE_CONTAINER);
        assertThat(clone.getSourceEventIds()).contains("PTSIE-S1");
    }

    @Test
    void r7InsiderSignalRaisesTheScoreWithItsReason() {
        t.suspicion(suspicion("BEANR-S1", "BEANR", T0).setVesselImo(null)
                .setIndicators(List.of(Indicator.SEAL_MISMATCH, Indicator.TOS_RECORD_EDITED)).build());
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.plus(Duration.ofDays(2))).build());
        Alert c1 = ofType(t.readAlerts(), AlertType.SUSPICION_CONFIRMED).get(0);
        assertThat(c1.getSeverityReasons()).anyMatch(r -> r.startsWith("R7: insider signal at BEANR") && r.contains("TOS_RECORD_EDITED"));
        assertThat(c1.getScoreReasons()).contains("insider signal +20");
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
        assertThat(t.readAlerts().get(0).getSeverityReasons()).noneMatch(r -> r.startsWith("R2"));

        // While listed: the reason names the origin and the listing date.
        t.seizure(containerOnly("BEANR-2", "BEANR", listed.plus(Duration.ofDays(1))).setContainerNumber("TGHU8792473").build());
        t.seizure(containerOnly("NLRTM-2", "NLRTM", listed.plus(Duration.ofDays(2))).setContainerNumber("TGHU8792473").build());
        assertThat(t.readAlerts().get(0).getSeverityReasons()).contains("R2: route touches risk origin EC (HIGH since 2024-03-11)");

        // After the withdrawal: no R2 again.
        t.seizure(containerOnly("BEANR-3", "BEANR", withdrawn.plus(Duration.ofDays(1))).setContainerNumber("MAEU1234567").build());
        t.seizure(containerOnly("NLRTM-3", "NLRTM", withdrawn.plus(Duration.ofDays(2))).setContainerNumber("MAEU1234567").build());
        assertThat(t.readAlerts().get(0).getSeverityReasons()).noneMatch(r -> r.startsWith("R2"));
    }

    @Test
    void aRiskOriginRaisesTheScoreOnlyWhereItIsUnusualForThePort() {
        t.riskOrigin("EC", RiskLevel.HIGH, T0.minus(Duration.ofDays(365)));
        // Over the weeks before last, NLRTM and BEANR saw mostly Ecuadorian boxes; DEHAM mostly Chinese ones.
        for (int i = 0; i < 20; i++) {
            Instant at = T0.minus(Duration.ofDays(45 - i));
            t.suspicion(suspicion("NLRTM-R" + i, "NLRTM", at).setVesselImo(null)
                    .setContainerNumber(ContainerNumber.of("MSKU", 100 + i)).build());
            t.suspicion(suspicion("BEANR-R" + i, "BEANR", at).setVesselImo(null)
                    .setContainerNumber(ContainerNumber.of("MSKU", 300 + i)).build());
            t.suspicion(suspicion("DEHAM-R" + i, "DEHAM", at).setVesselImo(null)
                    .setContainerNumber(ContainerNumber.of("MSKU", 200 + i))
                    .setRoute(Route.newBuilder().setPortOfLoading("CNSHA").setTransshipmentPorts(List.of()).build()).build());
        }
        t.seizure(containerOnly("BEANR-1", "BEANR", T0).build());
        t.seizure(containerOnly("NLRTM-1", "NLRTM", T0.plus(Duration.ofDays(1))).build());
        double routine = t.readAlerts().get(0).getScore();
        t.seizure(containerOnly("BEANR-2", "BEANR", T0).setContainerNumber("TGHU8792473").build());
        t.seizure(containerOnly("DEHAM-1", "DEHAM", T0.plus(Duration.ofDays(1))).setContainerNumber("TGHU8792473").build());
        Alert unusual = t.readAlerts().get(0);
        assertThat(unusual.getScore()).isGreaterThan(routine + 5);
        assertThat(unusual.getScoreReasons()).anyMatch(r -> r.startsWith("risk origin, unusual for the receiving port"));
    }

    @Test
    void repeatedSeizuresOnOneVesselWarnItsNextPortsOfCall() {
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
    }

    @Test
    void warningsAboutAVesselAreNotSeizures() {
        t.suspicion(suspicion("BEANR-S1", "BEANR", T0).setSubjectType(SubjectType.VESSEL).setContainerNumber(null).build());
        t.seizure(seizure("BEANR-1", "BEANR", T0.plus(Duration.ofDays(1))).setConsignee(null).build());
        assertThat(ofType(t.readAlerts(), AlertType.VESSEL_REPEAT)).isEmpty();
    }
}
