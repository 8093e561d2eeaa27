package eu.portalliance.platform.api;

import eu.portalliance.topology.query.AllianceQueries;
import eu.portalliance.topology.query.ScoreboardView;
import eu.portalliance.topology.scoreboard.Weeks;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code /api/screening/scoreboard[?week=2025-W02]}: one week of the screening scoreboard (the latest with arrivals
 * when no week is given), per port and per risk route, with the weeks there are.
 */
final class ScreeningResource {
    private final AllianceQueries queries;
    private final Peers peers;

    ScreeningResource(AllianceQueries queries, Peers peers) {
        this.queries = queries;
        this.peers = peers;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/screening/scoreboard", this::scoreboard);
    }

    private void scoreboard(Context ctx) {
        String week = week(ctx.queryParam("week"));
        List<ScoreboardView.Row> mine = queries.localScoreboard();
        if (Peers.askedForLocalPart(ctx)) {
            ctx.json(mine);
            return;
        }
        List<ScoreboardView.Row> all = peers.gather(ctx, mine).stream()
                .map(node -> ApiJson.MAPPER.convertValue(node, ScoreboardView.Row.class)).toList();
        ctx.json(ScoreboardView.of(all, week));
    }

    private static String week(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Weeks.parse(text.trim());
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new Params.BadRequest("week '" + text + "' is not a week: give 2025-W02 or a date in it, e.g. 2025-01-08");
        }
    }
}
