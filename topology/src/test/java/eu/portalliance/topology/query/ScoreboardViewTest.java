package eu.portalliance.topology.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scoreboard's figures against a fixture small enough to compute by hand. Week of 6 January 2025:
 * <pre>
 *            origin  risk  arrivals  recommended  control  to check  checked  seizures  control checked  control seizures
 *   BEANR    EC      yes        40           10        1        11       11         2                1                 0
 *   BEANR    US      no         20            0        1         1        1         0                1                 0
 *   NLRTM    EC      yes        40            2        0         2        1         0                0                 0
 *   NLRTM    CO      yes        10            1        1         2        2         1                1                 1
 * </pre>
 */
class ScoreboardViewTest {
    static final String W = "2025-01-06";

    static ScoreboardView.Row row(String week, String origin, String port, boolean risk, long arrivals, long recommended,
                                  long control, long toCheck, long checked, long seizures, long controlChecked, long controlSeizures,
                                  List<ScoreboardView.Pick> top) {
        return new ScoreboardView.Row(week, origin, port, risk, arrivals, recommended, control, toCheck, checked, seizures,
                controlChecked, controlSeizures, top);
    }

    static final ScoreboardView.Pick SEIZED = new ScoreboardView.Pick("NLRTM", "EC", "TCLU4409124", "SCAN-a", 1.1, "PHYSICAL",
            List.of("ENTITY_HIT", "RISK_ORIGIN"));
    static final ScoreboardView.Pick HUB = new ScoreboardView.Pick("BEANR", "EC", "MSKU9070323", "SCAN-b", 0.7, "SCAN",
            List.of("RISK_ORIGIN", "TRANSSHIPMENT_HUB"));

    static final List<ScoreboardView.Row> ROWS = List.of(
            row(W, "EC", "BEANR", true, 40, 10, 1, 11, 11, 2, 1, 0, List.of(HUB)),
            row(W, "US", "BEANR", false, 20, 0, 1, 1, 1, 0, 1, 0, List.of()),
            row(W, "EC", "NLRTM", true, 40, 2, 0, 2, 1, 0, 0, 0, List.of(SEIZED)),
            row(W, "CO", "NLRTM", true, 10, 1, 1, 2, 2, 1, 1, 1, List.of()),
            row("2024-12-30", "EC", "NLRTM", true, 99, 9, 9, 9, 9, 9, 9, 9, List.of()));

    @Test
    void eachPortsWeekAddsUpItsOrigins() {
        ScoreboardView v = ScoreboardView.of(ROWS, W);
        assertThat(v.label()).isEqualTo("2025-W02");
        assertThat(v.weeks()).containsExactly("2024-12-30", W);
        assertThat(v.ports()).extracting(ScoreboardView.PortWeek::port).containsExactly("BEANR", "NLRTM");
        ScoreboardView.PortWeek antwerp = v.ports().get(0);
        assertThat(antwerp.arrivals()).isEqualTo(60);
        assertThat(antwerp.riskArrivals()).isEqualTo(40);
        assertThat(antwerp.recommended()).isEqualTo(10);
        assertThat(antwerp.controlPicks()).isEqualTo(2);
        assertThat(antwerp.checked()).isEqualTo(12);
        assertThat(antwerp.toCheck()).isEqualTo(12);
        assertThat(antwerp.followThrough()).isEqualTo(1.0);
        assertThat(antwerp.riskChecked()).isEqualTo(11);
        assertThat(antwerp.riskCheckRate()).isEqualTo(11 / 40.0);
        assertThat(antwerp.hitRate()).isEqualTo(2 / 12.0);
        assertThat(antwerp.controlHitRate()).isEqualTo(0.0);
        ScoreboardView.PortWeek rotterdam = v.ports().get(1);
        assertThat(rotterdam.riskArrivals()).isEqualTo(50);
        assertThat(rotterdam.riskCheckRate()).isEqualTo(3 / 50.0);
        assertThat(rotterdam.followThrough()).isEqualTo(3 / 4.0);
        assertThat(rotterdam.hitRate()).isEqualTo(1 / 3.0);
        assertThat(rotterdam.controlHitRate()).isEqualTo(1.0);

        ScoreboardView.PortWeek all = v.alliance();
        assertThat(all.arrivals()).isEqualTo(110);
        assertThat(all.riskArrivals()).isEqualTo(90);
        assertThat(all.riskCheckRate()).isEqualTo(14 / 90.0);
        assertThat(all.controlHitRate()).isEqualTo(1 / 3.0);
        assertThat(all.top()).as("highest score first").containsExactly(SEIZED, HUB);
    }

    @Test
    void eachRiskRouteNamesItsWeakestPortAndTheSpread() {
        ScoreboardView v = ScoreboardView.of(ROWS, W);
        assertThat(v.riskRoutes()).extracting(ScoreboardView.RiskRoute::origin).as("busiest first, neutral origins left out")
                .containsExactly("EC", "CO");
        ScoreboardView.RiskRoute ec = v.riskRoutes().get(0);
        assertThat(ec.arrivals()).isEqualTo(80);
        assertThat(ec.allianceRate()).isEqualTo(12 / 80.0);
        assertThat(ec.weakest()).isEqualTo("NLRTM");
        assertThat(ec.spread()).isEqualTo(11 / 40.0 - 1 / 40.0);
        assertThat(ec.ports()).extracting(ScoreboardView.RoutePort::followThrough).containsExactly(1.0, 0.5);
        ScoreboardView.RiskRoute co = v.riskRoutes().get(1);
        assertThat(co.weakest()).as("one port is no comparison").isNull();
        assertThat(co.spread()).isNull();
    }

    @Test
    void withoutAWeekTheLatestIsShownAndAnEmptyScoreboardSaysSo() {
        assertThat(ScoreboardView.of(ROWS, null).week()).isEqualTo(W);
        ScoreboardView empty = ScoreboardView.of(List.of(), null);
        assertThat(empty.week()).isNull();
        assertThat(empty.ports()).isEmpty();
        assertThat(empty.alliance().riskCheckRate()).isNull();
    }
}
