package eu.portalliance.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.portalliance.topology.query.AllianceQueries;
import eu.portalliance.topology.query.RouteKey;
import eu.portalliance.topology.query.RouteWeek;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /api/routes/top|timeline} and {@code /api/origins/top|timeline}: origin → port routes (or origins) ranked by
 * seizures or kilograms over a time range, with their weekly counts for the timeline.
 */
final class RoutesResource {
    private final AllianceQueries queries;
    private final Peers peers;
    private final Duration routeWindow;

    /** @param routeWindow size of the topology's route windows, so a time range catches windows that overlap it */
    RoutesResource(AllianceQueries queries, Peers peers, Duration routeWindow) {
        this.queries = queries;
        this.peers = peers;
        this.routeWindow = routeWindow;
    }

    void register(RoutesConfig routes) {
        for (String what : List.of("routes", "origins")) {
            routes.get("/api/" + what + "/{view}", ctx -> rank(ctx, what, ctx.pathParam("view")));
            routes.get("/api/" + what, ctx -> rank(ctx, what, ""));
        }
    }

    private void rank(Context ctx, String what, String view) {
        Params params = new Params(ctx);
        Instant from = params.instant("from", Instant.EPOCH);
        Instant to = params.instant("to", Instant.now().plus(Duration.ofDays(1)));
        if (from.isAfter(to)) {
            throw new Params.BadRequest("from (" + from + ") is after to (" + to + ")");
        }
        String by = params.oneOf("by", "seizures", "seizures", "kg");
        int limit = params.integer("limit", 10, 1, 1000);
        String group = params.oneOf("group", "country", "country", "port");
        if (!"top".equals(view) && !"timeline".equals(view)) {
            throw new Params.BadRequest("use /api/" + what + "/top or /api/" + what + "/timeline");
        }
        Instant earliestStart = from.minus(routeWindow).isBefore(Instant.EPOCH) ? Instant.EPOCH : from.minus(routeWindow);
        List<RouteWeek> mine = queries.localRouteWeeks(earliestStart, to).stream()
                .filter(w -> w.windowStart().plus(routeWindow).isAfter(from)).toList();
        if (Peers.askedForLocalPart(ctx)) {
            ctx.json(mine);
            return;
        }
        Map<String, double[]> totals = new TreeMap<>();
        Map<String, Map<String, double[]>> series = new TreeMap<>();
        for (JsonNode node : peers.gather(ctx, mine)) {
            RouteWeek w = ApiJson.MAPPER.convertValue(node, RouteWeek.class);
            String name = what.equals("routes") ? w.route() : origin(RouteKey.parse(w.route()), group);
            add(totals.computeIfAbsent(name, k -> new double[2]), w);
            add(series.computeIfAbsent(name, k -> new TreeMap<>()).computeIfAbsent(w.windowStart().toString(), k -> new double[2]), w);
        }
        int metric = by.equals("kg") ? 1 : 0;
        List<String> ranked = totals.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, double[]>>comparingDouble(e -> -e.getValue()[metric]).thenComparing(Map.Entry::getKey))
                .limit(limit).map(Map.Entry::getKey).toList();
        ObjectNode out = ApiJson.MAPPER.createObjectNode().put("from", from.toString()).put("to", to.toString()).put("by", by);
        ArrayNode list = out.putArray(what);
        for (String name : ranked) {
            ObjectNode row = list.addObject().put(what.equals("routes") ? "route" : "origin", name)
                    .put("seizures", (long) totals.get(name)[0]).put("kg", tenths(totals.get(name)[1]));
            if ("timeline".equals(view)) {
                ArrayNode points = row.putArray("weeks");
                series.get(name).forEach((start, v) -> points.addObject().put("windowStart", start)
                        .put("seizures", (long) v[0]).put("kg", tenths(v[1])));
            }
        }
        ctx.json(out);
    }

    private static void add(double[] total, RouteWeek w) {
        total[0] += w.seizures();
        total[1] += w.kg();
    }

    private static String origin(RouteKey route, String group) {
        return group.equals("country") ? route.originCountry() : route.origin();
    }

    private static double tenths(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
