package eu.portalliance.topology.scoreboard;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.RiskLevel;
import eu.portalliance.avro.Route;
import eu.portalliance.avro.ScanImage;
import eu.portalliance.avro.ScanRecommendation;
import eu.portalliance.avro.ScreeningCriterion;
import eu.portalliance.ids.ContainerNumber;
import eu.portalliance.screening.ScanResults;
import eu.portalliance.topology.Events;
import eu.portalliance.topology.TopologyFixture;
import eu.portalliance.topology.avro.ScoreboardRow;
import eu.portalliance.topology.query.AllianceStores;
import eu.portalliance.topology.screening.ScreeningProfiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scoreboard, its weekly notice, restricted-match notices and displacement (R14), through the whole topology. */
class ScoreboardTopologyTest {
    @TempDir
    Path dir;
    TopologyFixture alliance;
    int serial;

    @BeforeEach
    void start() {
        alliance = new TopologyFixture(TopologyFixture.config(dir));
        alliance.screeningProfile(ScreeningProfiles.initial());
        alliance.riskOrigin("EC", RiskLevel.HIGH, Instant.parse("2020-01-01T00:00:00Z"));
    }

    @AfterEach
    void stop() {
        alliance.close();
    }

    /** A container from {@code loading} announced at {@code port}, arriving three days after {@code noticeTime}. */
    private ArrivalNotice.Builder arrival(String port, String loading, Instant noticeTime) {
        serial++;
        return Events.arrival("ENS-" + serial, port, noticeTime).setContainerNumber(ContainerNumber.of("TSTU", serial))
                .setRoute(Route.newBuilder().setPortOfLoading(loading).setTransshipmentPorts(List.of()).build());
    }

    private void arrivals(String port, String loading, Instant noticeTime, int count) {
        for (int i = 0; i < count; i++) {
            alliance.arrival(arrival(port, loading, noticeTime.plusSeconds(i)).build());
        }
    }

    private List<Alert> notices(String port) {
        return alliance.alertsOf(port).readValuesToList().stream().filter(a -> a.getType() == AlertType.SCREENING_NOTICE).toList();
    }

    private Map<String, ScoreboardRow> rows() {
        KeyValueStore<String, ScoreboardRow> store = alliance.driver.getKeyValueStore(AllianceStores.SCOREBOARD);
        Map<String, ScoreboardRow> out = new java.util.TreeMap<>();
        try (var it = store.all()) {
            it.forEachRemaining(kv -> out.put(kv.key, kv.value));
        }
        return out;
    }

    @Test
    void aWeeksFiguresAreCountedPerOriginAndPortAndThePortWellBelowTheAllianceIsToldOnce() {
        Instant notice = Instant.parse("2024-11-29T08:00:00Z"); // a Friday: ETA Monday 2 December, week 2024-12-02
        for (int i = 0; i < 40; i++) {
            ArrivalNotice.Builder a = arrival("BEANR", "ECGYE", notice.plusSeconds(i));
            if (i < 10) { // risk origin 0.3 + hub 0.2 + cover HS code 0.2 = 0.7: SCAN
                a.setRoute(Route.newBuilder().setPortOfLoading("ECGYE").setTransshipmentPorts(List.of("PAMIT")).build());
            }
            alliance.arrival(a.build());
        }
        for (int i = 0; i < 40; i++) { // the same at Rotterdam, which will check one of its ten
            ArrivalNotice.Builder a = arrival("NLRTM", "ECGYE", notice.plusSeconds(i));
            if (i < 10) {
                a.setRoute(Route.newBuilder().setPortOfLoading("ECGYE").setTransshipmentPorts(List.of("PAMIT")).build());
            }
            alliance.arrival(a.build());
        }
        List<ScanRecommendation> antwerp = alliance.recommendationsOf("BEANR").readValuesToList();
        List<ScanRecommendation> rotterdam = alliance.recommendationsOf("NLRTM").readValuesToList();
        List<ScanRecommendation> scanned = antwerp.stream().filter(r -> r.getScore() >= 0.6).toList();
        assertThat(scanned).hasSize(10);
        Instant checkedAt = Instant.parse("2024-12-03T10:00:00Z");
        for (int i = 0; i < scanned.size(); i++) {
            alliance.scanResult(ScanResults.answering(scanned.get(i), checkedAt).setScanned(true)
                    .setImage(i == 0 ? ScanImage.ANOMALY : ScanImage.CLEAR).setSeizure(i == 0).setKilograms(i == 0 ? 80 : 0).build());
        }
        ScanRecommendation checkedAtRotterdam = rotterdam.stream().filter(r -> r.getScore() >= 0.6).findFirst().orElseThrow();
        alliance.scanResult(ScanResults.answering(checkedAtRotterdam, checkedAt).setScanned(true).setImage(ScanImage.CLEAR).build());
        alliance.scanResult(ScanResults.answering(checkedAtRotterdam, checkedAt).setScanned(true).setImage(ScanImage.CLEAR).build());

        Map<String, ScoreboardRow> rows = rows();
        ScoreboardRow be = rows.get("2024-12-02|EC|BEANR");
        assertThat(be.getRiskOrigin()).isTrue();
        assertThat(be.getArrivals()).isEqualTo(40);
        assertThat(be.getRecommended()).isEqualTo(10);
        assertThat(be.getToCheck()).isEqualTo(10 + antwerp.stream().filter(r -> r.getControlPick() && r.getScore() < 0.6).count());
        assertThat(be.getControlPicks()).isEqualTo(antwerp.stream().filter(ScanRecommendation::getControlPick).count());
        assertThat(be.getChecked()).isEqualTo(10);
        assertThat(be.getSeizures()).isEqualTo(1);
        assertThat(be.getTop()).hasSize(5).allSatisfy(p -> assertThat(p.getScore()).isEqualTo(0.7));
        ScoreboardRow nl = rows.get("2024-12-02|EC|NLRTM");
        assertThat(nl.getArrivals()).isEqualTo(40);
        assertThat(nl.getRecommended()).isEqualTo(10);
        assertThat(nl.getToCheck()).isEqualTo(10 + rotterdam.stream().filter(r -> r.getControlPick() && r.getScore() < 0.6).count());
        assertThat(nl.getChecked()).as("a resent result counts once").isEqualTo(1);

        assertThat(notices("NLRTM")).as("judged only once the week and its grace are over").isEmpty();
        alliance.arrival(arrival("PTSIE", "USNYC", Instant.parse("2024-12-12T00:00:01Z")).build());
        List<Alert> told = notices("NLRTM");
        assertThat(told).hasSize(1);
        Alert n = told.get(0);
        assertThat(n.getEntityType()).isEqualTo(EntityType.ROUTE);
        assertThat(n.getEntityId()).isEqualTo("EC>NLRTM");
        assertThat(n.getHandlingCode()).isEqualTo(HandlingCode.TLP_AMBER_STRICT);
        long antwerpToCheck = be.getToCheck();
        assertThat(n.getAttributes()).containsEntry("week", "2024-12-02").containsEntry("arrivals", "40")
                .containsEntry("toCheck", Long.toString(nl.getToCheck())).containsEntry("checked", "1")
                .containsEntry("allianceRate", String.format(java.util.Locale.ROOT, "%.4f", 10.0 / antwerpToCheck));
        assertThat(n.getSummary()).startsWith("Week 2024-W49: NLRTM checked 1 of the " + nl.getToCheck()
                + " containers from EC (a risk origin) screening asked it to check");
        assertThat(notices("BEANR")).as("the port checking more is not told, nor told of the other").isEmpty();
        assertThat(alliance.readAlerts()).as("a notice is not a case").noneMatch(a -> a.getType() == AlertType.SCREENING_NOTICE);

        alliance.arrival(arrival("PTSIE", "USNYC", Instant.parse("2024-12-20T00:00:01Z")).build());
        assertThat(notices("NLRTM")).as("a week is judged once").isEmpty();

        // A check reported weeks later still counts in its arrival's week, and moves no week to judgement.
        KeyValueStore<String, String> marks = alliance.driver.getKeyValueStore(AllianceStores.SCOREBOARD_MARKS);
        String judged = marks.get("judged");
        ScanRecommendation unscanned = antwerp.stream().filter(r -> r.getScore() < 0.6).findFirst().orElseThrow();
        alliance.scanResult(ScanResults.answering(unscanned, Instant.parse("2024-12-31T09:00:00Z")).setScanned(true)
                .setImage(ScanImage.CLEAR).build());
        assertThat(rows().get("2024-12-02|EC|BEANR").getChecked()).isEqualTo(11);
        assertThat(marks.get("judged")).isEqualTo(judged).isEqualTo("2024-12-09");
    }

    @Test
    void restrictedIntelligenceMatchedByAnArrivalElsewhereIsToldToItsOwnerOncePerCallAndNeverToTheArrivalPort() {
        alliance.seizure(Events.seizure("SZ-RED-1", "BEANR", Instant.parse("2024-10-01T08:00:00Z"))
                .setHandlingCode(HandlingCode.TLP_RED).build());
        Instant notice = Instant.parse("2024-11-20T08:00:00Z");
        for (String voyage : List.of("014E", "014E", "014E", "015E")) {
            alliance.arrival(arrival("NLRTM", "ECGYE", notice).setVesselImo(Events.VESSEL).setVoyage(voyage).build());
        }
        List<ScanRecommendation> recommendations = alliance.recommendationsOf("NLRTM").readValuesToList();
        assertThat(recommendations).hasSize(4).allSatisfy(r -> {
            assertThat(r.getRestricted()).isTrue();
            assertThat(r.getCriteria()).noneMatch(m -> m.getLineage().contains("SZ-RED-1"));
        });

        List<Alert> toOwner = notices("BEANR");
        assertThat(toOwner).as("one per vessel call").hasSize(2);
        assertThat(toOwner).allSatisfy(n -> {
            assertThat(n.getHandlingCode()).isEqualTo(HandlingCode.TLP_RED);
            assertThat(n.getSourceEventIds()).containsExactly("SZ-RED-1");
            assertThat(n.getSummary()).startsWith("Your TLP:RED intelligence SZ-RED-1 matched container").contains("announced at NLRTM");
        });
        assertThat(toOwner).extracting(Alert::getAlertId).doesNotHaveDuplicates();
        assertThat(notices("NLRTM")).isEmpty();
        assertThat(alliance.alertsOf("DEHAM").readValuesToList()).isEmpty();
    }

    private static final Instant M0 = Instant.parse("2024-09-02T00:00:00Z"); // a Monday
    private static final Duration WEEK = Duration.ofDays(7);

    /**
     * Eight usual weeks (Antwerp three quarters of Ecuador's containers, Rotterdam one quarter), then four seizures on
     * ECGYE > BEANR at once: a route surge (R13). Returns the surge's week.
     */
    private Instant usualWeeksThenASurgeAtAntwerp() {
        for (int w = 0; w < 8; w++) {
            Instant monday = M0.plus(WEEK.multipliedBy(w));
            arrivals("BEANR", "ECGYE", monday.plus(Duration.ofDays(1)), 30);
            arrivals("NLRTM", "ECGYE", monday.plus(Duration.ofDays(1)), 10);
        }
        Instant surgeWeek = M0.plus(WEEK.multipliedBy(8));
        for (int i = 0; i < 4; i++) {
            serial++;
            alliance.seizure(Events.seizure("SZ-" + serial, "BEANR", surgeWeek.plus(Duration.ofDays(1)).plus(Duration.ofHours(i)))
                    .setContainerNumber(ContainerNumber.of("SZCU", serial)).setVesselImo(null).setConsignee(null).build());
        }
        serial++;
        alliance.seizure(Events.seizure("TICK", "PTSIE", surgeWeek.plus(Duration.ofDays(6)))
                .setContainerNumber(ContainerNumber.of("TICU", serial)).setVesselImo(null).setConsignee(null)
                .setRoute(Route.newBuilder().setPortOfLoading("BRSSZ").setTransshipmentPorts(List.of()).build()).build());
        return surgeWeek;
    }

    @Test
    void aShiftOfShareMoreThanFourWeeksAfterTheSurgeIsNotDisplacement() {
        Instant surgeWeek = usualWeeksThenASurgeAtAntwerp();
        for (int w = 1; w <= 4; w++) { // the usual split in the four weeks after the surge
            arrivals("BEANR", "ECGYE", surgeWeek.plus(WEEK.multipliedBy(w)).plus(Duration.ofDays(1)), 30);
            arrivals("NLRTM", "ECGYE", surgeWeek.plus(WEEK.multipliedBy(w)).plus(Duration.ofDays(1)), 10);
        }
        Instant fifth = surgeWeek.plus(WEEK.multipliedBy(5));
        arrivals("BEANR", "ECGYE", fifth.plus(Duration.ofDays(1)), 15);
        arrivals("NLRTM", "ECGYE", fifth.plus(Duration.ofDays(1)), 45);
        alliance.arrival(arrival("PTSIE", "USNYC", fifth.plus(WEEK).plus(Duration.ofDays(3)).plusSeconds(1)).build());
        assertThat(alliance.readAlerts()).anyMatch(a -> "R13".equals(a.getRuleId()))
                .noneMatch(a -> "R14".equals(a.getRuleId()));
    }

    @Test
    void afterASurgeAtOnePortAnotherPortTakingFarMoreThanItsShareOfTheOriginGetsADisplacementCase() {
        Duration week = WEEK;
        Instant surgeWeek = usualWeeksThenASurgeAtAntwerp();
        List<Alert> surges = alliance.readAlerts().stream().filter(a -> "R13".equals(a.getRuleId())).toList();
        assertThat(surges).hasSize(1);

        Instant displaced = surgeWeek.plus(week);
        arrivals("BEANR", "ECGYE", displaced.plus(Duration.ofDays(1)), 15);
        arrivals("NLRTM", "ECGYE", displaced.plus(Duration.ofDays(1)), 45);
        assertThat(alliance.readAlerts()).noneMatch(a -> "R14".equals(a.getRuleId()));
        alliance.arrival(arrival("PTSIE", "USNYC", displaced.plus(week).plus(Duration.ofDays(3)).plusSeconds(1)).build());

        List<Alert> cases = alliance.readAlerts().stream().filter(a -> "R14".equals(a.getRuleId())).toList();
        assertThat(cases).hasSize(1);
        Alert r14 = cases.get(0);
        assertThat(r14.getType()).isEqualTo(AlertType.DISPLACEMENT);
        assertThat(r14.getEntityId()).isEqualTo("EC>NLRTM");
        assertThat(r14.getPorts()).containsExactly("NLRTM");
        assertThat(r14.getAddressedTo()).containsExactly("BEANR");
        assertThat(r14.getSourceEventIds()).containsExactly(surges.get(0).getAlertId());
        assertThat(r14.getAttributes()).containsEntry("observed", "45").containsEntry("expected", "15.0")
                .containsEntry("baselineShare", "0.2500");
        assertThat(r14.getSummary()).startsWith("Traffic from EC is shifting to NLRTM after enforcement at BEANR");
        assertThat(alliance.alertsOf("NLRTM").readValuesToList()).anyMatch(a -> a.getAlertId().equals(r14.getAlertId()));

        // From now on screening weighs the shift: the next container from Ecuador at Rotterdam meets the route criterion.
        alliance.arrival(arrival("NLRTM", "ECGYE", displaced.plus(week).plus(Duration.ofDays(4))).build());
        List<ScanRecommendation> latest = alliance.recommendationsOf("NLRTM").readValuesToList();
        ScanRecommendation last = latest.get(latest.size() - 1);
        assertThat(last.getCriteria()).anyMatch(m -> m.getCriterion() == ScreeningCriterion.ROUTE_SURGE
                && m.getLineage().contains(r14.getAlertId()));
    }
}
