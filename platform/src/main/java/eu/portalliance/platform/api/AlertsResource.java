package eu.portalliance.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.Severity;
import eu.portalliance.ids.UnLocode;
import eu.portalliance.levels.Levels;
import eu.portalliance.topology.query.AllianceQueries;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.HostInfo;

/** {@code /api/alerts} (filtered, ranked), {@code /api/alerts/{id}}, and the live feed {@code /api/alerts/stream}. */
final class AlertsResource {
    private final AllianceQueries queries;
    private final Peers peers;
    private final AlertFeed feed;

    AlertsResource(AllianceQueries queries, Peers peers, AlertFeed feed) {
        this.queries = queries;
        this.peers = peers;
        this.feed = feed;
    }

    void register(RoutesConfig routes) {
        routes.sse("/api/alerts/stream", feed::serve);
        routes.get("/api/alerts/{id}", this::one);
        routes.get("/api/alerts", this::list);
    }

    private void one(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<HostInfo> owner = Peers.askedForLocalPart(ctx) ? Optional.empty() : queries.ownerOfAlert(id);
        if (owner.isPresent()) {
            peers.forward(ctx, owner.get());
            return;
        }
        queries.alert(id).ifPresentOrElse(ctx::json, () -> ctx.status(404).json(AnalystServer.error("no alert " + id)));
    }

    private void list(Context ctx) {
        Params params = new Params(ctx);
        Predicate<Alert> wanted = filter(params);
        int limit = params.integer("limit", 50, 1, 1000);
        String sort = params.oneOf("sort", "newest", "newest", "severity");
        List<Alert> mine = queries.localAlerts().stream().filter(wanted).toList();
        if (Peers.askedForLocalPart(ctx)) {
            ctx.json(mine);
            return;
        }
        List<JsonNode> all = peers.gather(ctx, mine).stream().sorted(order(sort)).toList();
        ObjectNode out = ApiJson.MAPPER.createObjectNode().put("count", all.size());
        out.putArray("alerts").addAll(all.stream().limit(limit).toList());
        ctx.json(out);
    }

    /** The filters of the query string; every instance applies them to its own alerts. */
    private static Predicate<Alert> filter(Params params) {
        Optional<String> port = params.text("port");
        port.ifPresent(p -> UnLocode.problem(p).ifPresent(problem -> {
            throw new Params.BadRequest("port: " + problem);
        }));
        Optional<AlertType> type = params.enumeration("type", AlertType.class);
        Optional<Severity> severity = params.enumeration("severity", Severity.class);
        Instant since = params.instant("since", Instant.EPOCH);
        Instant until = params.instant("until", Instant.MAX);
        Optional<String> entity = params.text("entity");
        return a -> port.map(p -> a.getPorts().contains(p) || a.getAddressedTo().contains(p)).orElse(true)
                && type.map(t -> t == a.getType()).orElse(true)
                && severity.map(s -> Levels.atLeast(a.getSeverity(), s)).orElse(true)
                && entity.map(e -> e.equals(a.getEntityId())).orElse(true)
                && !a.getRaisedAt().isBefore(since) && !a.getRaisedAt().isAfter(until);
    }

    private static Comparator<JsonNode> order(String sort) {
        Comparator<JsonNode> newest = Comparator.comparing((JsonNode a) -> Instant.parse(a.path("raisedAt").asText()), Comparator.reverseOrder());
        Comparator<JsonNode> byId = Comparator.comparing(a -> a.path("alertId").asText());
        return sort.equals("severity")
                ? Comparator.comparing((JsonNode a) -> Severity.valueOf(a.path("severity").asText()), Comparator.reverseOrder())
                        .thenComparing(newest).thenComparing(byId)
                : newest.thenComparing(byId);
    }
}
