package eu.portalliance.topology;

import static eu.portalliance.topology.Events.T0;
import static eu.portalliance.topology.Events.seizure;
import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.Route;
import eu.portalliance.ids.ContainerNumber;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R13 v2 over weekly tumbling windows (7 days, grace 2 days, baseline of 4 windows, significance 0.01, floor 0.5 a
 * window, minimum 3): at a usual rate of one a week five seizures are a surge; on a new route, four.
 */
class RouteSurgeTopologyTest {
    static final Duration WEEK = Duration.ofDays(7);
    /** Aligned to the epoch-based window grid, so "week n" is exactly one window. */
    static final Instant WEEK0 = Instant.ofEpochMilli(T0.toEpochMilli() / WEEK.toMillis() * WEEK.toMillis());

    @TempDir
    Path dir;
    TopologyFixture t;
    int serial;

    @BeforeEach
    void start() {
        t = new TopologyFixture(TopologyFixture.config(dir));
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private void seizures(String origin, String port, int week, int count) {
        for (int i = 0; i < count; i++) {
            serial++;
            t.seizure(seizure("SZ-" + serial, port, WEEK0.plus(WEEK.multipliedBy(week)).plus(Duration.ofHours(1 + i)))
                    .setContainerNumber(ContainerNumber.of("TSTU", serial)).setVesselImo(null).setConsignee(null)
                    .setRoute(Route.newBuilder().setPortOfLoading(origin).setTransshipmentPorts(List.of()).build())
                    .build());
        }
    }

    /** Moves stream time past a window's end plus grace, with a seizure on an unrelated route. */
    private void closeWeek(int week) {
        serial++;
        t.seizure(seizure("TICK-" + serial, "PTSIE", WEEK0.plus(WEEK.multipliedBy(week + 1)).plus(Duration.ofDays(2)).plusMillis(1))
                .setContainerNumber(ContainerNumber.of("TICU", serial)).setVesselImo(null).setConsignee(null)
                .setRoute(Route.newBuilder().setPortOfLoading("BRSSZ").setTransshipmentPorts(List.of()).build()).build());
    }

    private List<Alert> surges() {
        return t.readAlerts().stream().filter(a -> a.getType() == AlertType.ROUTE_SURGE).toList();
    }

    @Test
    void aWeekFarAboveTheTrailingBaselineIsASurge() {
        for (int week = 0; week < 4; week++) {
            seizures("ECGYE", "BEANR", week, 1);
        }
        seizures("ECGYE", "BEANR", 4, 5);
        closeWeek(3);
        assertThat(surges()).isEmpty();

        closeWeek(4);
        List<Alert> surges = surges();
        assertThat(surges).hasSize(1);
        Alert a = surges.get(0);
        assertThat(a.getRuleId()).isEqualTo("R13");
        assertThat(a.getEntityType()).isEqualTo(EntityType.ROUTE);
        assertThat(a.getEntityId()).isEqualTo("ECGYE>BEANR");
        assertThat(a.getPorts()).containsExactly("BEANR");
        assertThat(a.getSourceEventIds()).hasSize(5);
        assertThat(a.getAttributes()).containsEntry("count", "5").containsEntry("baseline", "1.00");
        assertThat(a.getKilograms()).isEqualTo(5 * seizure("x", "BEANR", WEEK0).build().getKilograms());
        assertThat(a.getScoreReasons()).anyMatch(r -> r.startsWith("5 seizures in one window where 1.0 are usual"));
    }

    @Test
    void aWindowIsJudgedOnlyOnceItHasClosed() {
        seizures("ECGYE", "BEANR", 4, 5);
        // Stream time at the window's end plus grace exactly: still open.
        t.seizure(seizure("TICK", "PTSIE", WEEK0.plus(WEEK.multipliedBy(5)).plus(Duration.ofDays(2)).minusMillis(1))
                .setContainerNumber(ContainerNumber.of("TICU", 1)).setVesselImo(null).setConsignee(null).build());
        assertThat(surges()).isEmpty();
        closeWeek(4);
        assertThat(surges()).hasSize(1);
    }

    @Test
    void fourAtOnceWhereOneIsUsualIsChanceNotASurge() {
        for (int week = 0; week < 4; week++) {
            seizures("ECGYE", "BEANR", week, 1);
        }
        seizures("ECGYE", "BEANR", 4, 4);
        closeWeek(4);
        assertThat(surges()).isEmpty();
    }

    @Test
    void aBusyButSteadyRouteIsNoSurge() {
        for (int week = 0; week < 4; week++) {
            seizures("ECGYE", "NLRTM", week, 2);
        }
        seizures("ECGYE", "NLRTM", 4, 5);
        closeWeek(4);
        assertThat(surges()).isEmpty();
    }

    @Test
    void fewerThanTheMinimumIsNoSurgeEvenOnANewRoute() {
        seizures("COCTG", "ESALG", 4, 2);
        closeWeek(4);
        assertThat(surges()).isEmpty();
    }

    @Test
    void aSeizureLateBeyondGraceStillCountsAndItsWindowIsJudgedAgain() {
        seizures("ECGYE", "BEANR", 4, 2);
        closeWeek(4);
        assertThat(surges()).isEmpty();

        seizures("ECGYE", "BEANR", 4, 3);
        // Raised the moment it qualified (the fourth seizure); the fifth is new evidence: the same case's next revision.
        List<Alert> surges = surges();
        assertThat(surges).extracting(Alert::getRevision).containsExactly(1, 2);
        assertThat(surges).extracting(Alert::getAlertId).containsOnly(surges.get(0).getAlertId());
        assertThat(surges.get(0).getAttributes()).containsEntry("count", "4").containsEntry("baseline", "0.00")
                .containsEntry("windowStart", WEEK0.plus(WEEK.multipliedBy(4)).toString());
        assertThat(surges.get(1).getAttributes()).containsEntry("count", "5");
        assertThat(t.metric("rejudged-windows-total")).isEqualTo(3.0);
        assertThat(count("ECGYE>BEANR", 4)).isEqualTo(5);
    }

    @Test
    void seizuresArrivingInAnyOrderAreAllCounted() {
        // The surge week first, then its baseline weeks, each far behind stream time: a replay's interleaving.
        closeWeek(10);
        seizures("ECGYE", "BEANR", 4, 5);
        for (int week = 3; week >= 0; week--) {
            seizures("ECGYE", "BEANR", week, 1);
        }
        List<Alert> surges = surges();
        assertThat(surges).extracting(Alert::getAlertId).containsOnly(surges.get(0).getAlertId());
        Alert last = surges.get(surges.size() - 1);
        assertThat(last.getAttributes()).containsEntry("windowStart", WEEK0.plus(WEEK.multipliedBy(4)).toString())
                .containsEntry("count", "5");
        assertThat(last.getStatus()).isEqualTo(eu.portalliance.avro.CaseStatus.OPEN);
        assertThat(t.metric("rejudged-windows-total")).isEqualTo(9.0);
        assertThat(count("ECGYE>BEANR", 4)).isEqualTo(5);
        for (int week = 0; week < 4; week++) {
            assertThat(count("ECGYE>BEANR", week)).isEqualTo(1);
        }
    }

    private int count(String route, int week) {
        var windows = t.driver.<String, eu.portalliance.topology.avro.RouteWindow>getTimestampedWindowStore(
                eu.portalliance.topology.query.AllianceStores.ROUTE_WINDOWS);
        var w = windows.fetch(new eu.portalliance.topology.query.EntityRef(EntityType.ROUTE, route).storeKey(),
                WEEK0.plus(WEEK.multipliedBy(week)).toEpochMilli());
        return w == null ? 0 : w.value().getCount();
    }

    @Test
    void aSurgeThatLaterDataUndoesIsWithdrawn() {
        seizures("ECGYE", "BEANR", 4, 4);
        closeWeek(4);
        Alert raised = surges().get(0);
        assertThat(raised.getStatus()).isEqualTo(eu.portalliance.avro.CaseStatus.OPEN);
        // The weeks before, reported late: the route was this busy all along.
        for (int week = 0; week < 4; week++) {
            seizures("ECGYE", "BEANR", week, 2);
        }
        List<Alert> after = surges();
        Alert last = after.get(after.size() - 1);
        assertThat(last.getAlertId()).isEqualTo(raised.getAlertId());
        assertThat(last.getStatus()).isEqualTo(eu.portalliance.avro.CaseStatus.WITHDRAWN);
        assertThat(last.getRevision()).isEqualTo(2);
    }

    @Test
    void aReplayedSeizureIsCountedOnce() {
        seizures("ECGYE", "BEANR", 4, 2);
        serial -= 2;
        seizures("ECGYE", "BEANR", 4, 2);
        closeWeek(4);
        assertThat(surges()).isEmpty();
    }

    @Test
    void aSeizureOlderThanTheWindowsKeptIsCountedAsExpired() {
        closeWeek(70);
        seizures("ECGYE", "BEANR", 0, 1);
        assertThat(t.metric("expired-seizures-total")).isEqualTo(1.0);
        assertThat(t.metric("rejudged-windows-total")).isEqualTo(0.0);
    }
}
