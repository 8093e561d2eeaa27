package eu.portalliance.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.CaseStatus;
import eu.portalliance.avro.Severity;
import eu.portalliance.ids.UnLocode;
import eu.portalliance.levels.Levels;
import eu.portalliance.topology.query.AllianceQueries;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@code /api/cases}: the latest revision of every case, filtered and ranked, for a watch room or an analyst;
 * {@code /api/cases/{id}}; and the live feed of revisions {@code /api/cases/stream}. {@code /api/alerts} is the same
 * resource under its first name (a case is what an alert became), kept so existing clients work.
 */
final class CasesResource {
    private final AllianceQueries queries;
    private final Peers peers;
    private final AlertFeed feed;

    CasesResource(AllianceQueries queries, Peers peers, AlertFeed feed) {
        this.queries = queries;
        this.peers = peers;
        this.feed = feed;
    }

    void register(RoutesConfig routes) {
        for (String path : List.of("/api/cases", "/api/alerts")) {
            routes.sse(path + "/stream", feed::serve);
            routes.get(path + "/{id}", this::one);
            routes.get(path, ctx -> list(ctx, path.endsWith("cases") ? "score" : "newest"));
        }
    }

    private void one(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<HostInfo> owner = Peers.askedForLocalPart(ctx) ? Optional.empty() : queries.ownerOfAlert(id);
        if (owner.isPresent()) {
            peers.forward(ctx, owner.get());
            return;
        }
        queries.alert(id).ifPresentOrElse(ctx::json, () -> ctx.status(404).json(AnalystServer.error("no case " + id)));
    }

    private void list(Context ctx, String defaultSort) {
        Params params = new Params(ctx);
        Predicate<Alert> wanted = filter(params);
        int limit = params.integer("limit", 50, 1, 1000);
        String sort = params.oneOf("sort", defaultSort, "score", "newest", "severity");
        List<Alert> mine = queries.localAlerts().stream().filter(wanted).toList();
        if (Peers.askedForLocalPart(ctx)) {
            ctx.json(mine);
            return;
        }
        List<JsonNode> all = peers.gather(ctx, mine).stream().sorted(order(sort)).toList();
        ObjectNode out = ApiJson.MAPPER.createObjectNode().put("count", all.size());
        // Both names: a case is what an alert became, and clients of either read the same list.
        out.putArray("cases").addAll(all.stream().limit(limit).toList());
        out.set("alerts", out.get("cases"));
        ctx.json(out);
    }

    /** The filters of the query string; every instance applies them to its own cases. */
    private static Predicate<Alert> filter(Params params) {
        Optional<String> port = params.text("port");
        port.ifPresent(p -> UnLocode.problem(p).ifPresent(problem -> {
            throw new Params.BadRequest("port: " + problem);
        }));
        Optional<AlertType> type = params.enumeration("type", AlertType.class);
        Optional<Severity> severity = params.enumeration("severity", Severity.class);
        Optional<String> rule = params.text("rule").map(r -> r.toUpperCase(Locale.ROOT));
        String status = params.oneOf("status", "OPEN", "OPEN", "MERGED", "WITHDRAWN", "ALL");
        Instant since = params.instant("since", Instant.EPOCH);
        Instant until = params.instant("until", Instant.MAX);
        Optional<String> entity = params.text("entity");
        return a -> port.map(p -> a.getPorts().contains(p) || a.getAddressedTo().contains(p)).orElse(true)
                && type.map(t -> t == a.getType()).orElse(true)
                && severity.map(s -> Levels.atLeast(a.getSeverity(), s)).orElse(true)
                && rule.map(r -> r.equals(a.getRuleId()) || a.getRules().stream().anyMatch(h -> h.getRuleId().equals(r))).orElse(true)
                && (status.equals("ALL") || a.getStatus() == CaseStatus.valueOf(status))
                && entity.map(e -> e.equals(a.getEntityId())).orElse(true)
                && !a.getRaisedAt().isBefore(since) && !a.getRaisedAt().isAfter(until);
    }

    private static Comparator<JsonNode> order(String sort) {
        Comparator<JsonNode> newest = Comparator.comparing((JsonNode a) -> Instant.parse(a.path("raisedAt").asText()), Comparator.reverseOrder());
        Comparator<JsonNode> byId = Comparator.comparing(a -> a.path("alertId").asText());
        return switch (sort) {
            case "score" -> Comparator.comparingDouble((JsonNode a) -> -a.path("score").asDouble()).thenComparing(newest).thenComparing(byId);
            case "severity" -> Comparator.comparing((JsonNode a) -> Severity.valueOf(a.path("severity").asText()), Comparator.reverseOrder())
                    .thenComparing(newest).thenComparing(byId);
            default -> newest.thenComparing(byId);
        };
    }
}
