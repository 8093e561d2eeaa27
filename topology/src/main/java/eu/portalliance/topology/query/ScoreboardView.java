package eu.portalliance.topology.query;

import eu.portalliance.topology.avro.ScoreboardRow;
import eu.portalliance.topology.avro.TopPick;
import eu.portalliance.topology.scoreboard.Weeks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One week of the scoreboard as the watch room reads it: per port, what arrived from risk origins, what screening
 * recommended, what was checked (and the follow-through: checks over containers the port was asked to check) and
 * found, against the control picks' base rate; per risk route (origin → every port it reaches), each port's check
 * rate on the origin's arrivals beside the alliance's, and the weakest link. Rates are null where nothing was there
 * to divide by.
 */
public record ScoreboardView(String week, String label, List<String> weeks, PortWeek alliance, List<PortWeek> ports,
                             List<RiskRoute> riskRoutes) {

    /** One port's week (or the alliance's, port "ALLIANCE"). */
    public record PortWeek(String port, long arrivals, long riskArrivals, long recommended, long controlPicks, long toCheck,
                           long checked, Double followThrough, long riskChecked, Double riskCheckRate, long seizures,
                           Double hitRate, long controlChecked, long controlSeizures, Double controlHitRate, List<Pick> top) {
    }

    /** A high-scoring recommendation of the week. */
    public record Pick(String port, String origin, String containerNumber, String recommendationId, double score, String action,
                       List<String> criteria) {
    }

    /** One risk origin's week across the ports it reached. */
    public record RiskRoute(String origin, long arrivals, long checked, Double allianceRate, List<RoutePort> ports,
                            String weakest, Double spread) {
    }

    public record RoutePort(String port, long arrivals, long toCheck, long checked, Double rate, Double followThrough) {
    }

    /** One stored row as the instances pass it to each other (a plain record, so JSON carries it both ways). */
    public record Row(String week, String origin, String port, boolean riskOrigin, long arrivals, long recommended,
                      long controlPicks, long toCheck, long checked, long seizures, long controlChecked, long controlSeizures,
                      List<Pick> top) {
        public static Row of(ScoreboardRow r) {
            return new Row(r.getWeek(), r.getOrigin(), r.getPort(), r.getRiskOrigin(), r.getArrivals(), r.getRecommended(),
                    r.getControlPicks(), r.getToCheck(), r.getChecked(), r.getSeizures(), r.getControlChecked(), r.getControlSeizures(),
                    r.getTop().stream().map(p -> pick(r, p)).toList());
        }
    }

    static final String ALLIANCE = "ALLIANCE";
    private static final int TOP = 10;

    /**
     * @param rows every row the scoreboard holds (any weeks)
     * @param week the week to show (its Monday), or null for the latest week that has rows
     */
    public static ScoreboardView of(List<Row> rows, String week) {
        List<String> weeks = rows.stream().map(Row::week).distinct().sorted().toList();
        String shown = week != null ? week : weeks.isEmpty() ? null : weeks.get(weeks.size() - 1);
        List<Row> of = rows.stream().filter(r -> r.week().equals(shown)).toList();
        Map<String, List<Row>> byPort = group(of, Row::port);
        List<PortWeek> ports = byPort.entrySet().stream().map(e -> portWeek(e.getKey(), e.getValue(), 5)).toList();
        List<RiskRoute> routes = new ArrayList<>();
        group(of.stream().filter(Row::riskOrigin).toList(), Row::origin)
                .forEach((origin, routeRows) -> routes.add(riskRoute(origin, routeRows)));
        routes.sort(Comparator.comparingLong(RiskRoute::arrivals).reversed().thenComparing(RiskRoute::origin));
        return new ScoreboardView(shown, shown == null ? null : Weeks.label(shown), weeks, portWeek(ALLIANCE, of, TOP), ports, routes);
    }

    private static PortWeek portWeek(String port, List<Row> rows, int top) {
        long arrivals = sum(rows, Row::arrivals);
        List<Row> risk = rows.stream().filter(Row::riskOrigin).toList();
        long riskArrivals = sum(risk, Row::arrivals);
        long riskChecked = sum(risk, Row::checked);
        long checked = sum(rows, Row::checked);
        long seizures = sum(rows, Row::seizures);
        long controlChecked = sum(rows, Row::controlChecked);
        long controlSeizures = sum(rows, Row::controlSeizures);
        List<Pick> picks = rows.stream().flatMap(r -> r.top().stream())
                .sorted(Comparator.comparingDouble(Pick::score).reversed().thenComparing(Pick::recommendationId)).limit(top).toList();
        long toCheck = sum(rows, Row::toCheck);
        return new PortWeek(port, arrivals, riskArrivals, sum(rows, Row::recommended), sum(rows, Row::controlPicks),
                toCheck, checked, rate(checked, toCheck), riskChecked, rate(riskChecked, riskArrivals), seizures, rate(seizures, checked), controlChecked,
                controlSeizures, rate(controlSeizures, controlChecked), picks);
    }

    private static RiskRoute riskRoute(String origin, List<Row> rows) {
        List<RoutePort> ports = group(rows, Row::port).entrySet().stream().map(e -> {
            long a = sum(e.getValue(), Row::arrivals);
            long t = sum(e.getValue(), Row::toCheck);
            long c = sum(e.getValue(), Row::checked);
            return new RoutePort(e.getKey(), a, t, c, rate(c, a), rate(c, t));
        }).toList();
        long arrivals = sum(rows, Row::arrivals);
        long checked = sum(rows, Row::checked);
        List<RoutePort> rated = ports.stream().filter(p -> p.rate() != null).toList();
        RoutePort weakest = rated.size() < 2 ? null : rated.stream()
                .min(Comparator.comparingDouble(RoutePort::rate).thenComparing(RoutePort::port)).orElseThrow();
        Double spread = rated.size() < 2 ? null
                : rated.stream().mapToDouble(RoutePort::rate).max().orElseThrow() - rated.stream().mapToDouble(RoutePort::rate).min().orElseThrow();
        return new RiskRoute(origin, arrivals, checked, rate(checked, arrivals), ports, weakest == null ? null : weakest.port(), spread);
    }

    private static Pick pick(ScoreboardRow r, TopPick p) {
        return new Pick(r.getPort(), r.getOrigin(), p.getContainerNumber(), p.getRecommendationId(), p.getScore(), p.getAction(),
                p.getCriteria());
    }

    private static Map<String, List<Row>> group(List<Row> rows, Function<Row, String> by) {
        return rows.stream().collect(Collectors.groupingBy(by, TreeMap::new, Collectors.toList()));
    }

    private static long sum(List<Row> rows, Function<Row, Long> f) {
        return rows.stream().mapToLong(f::apply).sum();
    }

    /** A share, at most 1: a control pick checked twice over is still one container checked. */
    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.min(1.0, part / (double) whole);
    }
}
