package eu.portalliance.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.portalliance.avro.RulePrecision;
import eu.portalliance.topology.query.AllianceQueries;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;

/** {@code /api/rules/precision}: what the ports' checks found on each rule version's alerts. */
final class RulesResource {
    private final AllianceQueries queries;
    private final Peers peers;

    RulesResource(AllianceQueries queries, Peers peers) {
        this.queries = queries;
        this.peers = peers;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/rules/precision", this::precision);
        routes.get("/api/rules", this::precision);
    }

    private void precision(Context ctx) {
        List<RulePrecision> mine = queries.localRulePrecision();
        if (Peers.askedForLocalPart(ctx)) {
            ctx.json(mine);
            return;
        }
        ObjectNode out = ApiJson.MAPPER.createObjectNode();
        out.putArray("rules").addAll(peers.gather(ctx, mine).stream()
                .sorted(Comparator.comparing((JsonNode r) -> r.path("ruleId").asText()).thenComparing(r -> r.path("ruleVersion").asInt()))
                .toList());
        ctx.json(out);
    }
}
