package eu.portalliance.platform.api;

import eu.portalliance.platform.UserError;
import eu.portalliance.topology.query.AllianceQueries;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HTTP server on --http-port, the same for {@code up} and for every {@code topology} instance: the analysts'
 * JSON API under /api/, one resource per class, and the live dashboard at /. Bad parameters are answered 400,
 * state that is moving 503, each with a one-line reason.
 */
public final class AnalystServer implements AutoCloseable {
    private static final String README_HINT = "see the README for /api/cases, /api/containers, /api/vessels, /api/parties, "
            + "/api/routes, /api/origins, /api/rules, /api/screening/scoreboard, /api/health";
    private final Javalin app;
    private final String host;
    private final AlertFeed feed;

    private AnalystServer(Javalin app, String host, AlertFeed feed) {
        this.feed = feed;
        this.app = app;
        this.host = host;
    }

    /**
     * @param routeWindow size of the topology's route windows
     */
    public static AnalystServer start(String host, int port, AllianceQueries queries, AlertFeed feed,
                                      Supplier<Map<String, Object>> health, Duration routeWindow) {
        Peers peers = new Peers(queries);
        byte[] dashboard = dashboard();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(ApiJson.MAPPER, false));
            new HealthResource(health).register(config.routes);
            new CasesResource(queries, peers, feed).register(config.routes);
            new EntitiesResource(queries, peers).register(config.routes);
            new RoutesResource(queries, peers, routeWindow).register(config.routes);
            new RulesResource(queries, peers).register(config.routes);
            new ScreeningResource(queries, peers).register(config.routes);
            config.routes.get("/api/<path>", ctx -> ctx.status(404).json(error("no such endpoint " + ctx.path() + "; " + README_HINT)));
            for (HandlerType method : new HandlerType[] {HandlerType.POST, HandlerType.PUT, HandlerType.DELETE, HandlerType.PATCH}) {
                config.routes.addHttpHandler(method, "/api/<path>", ctx -> ctx.status(405).json(error("only GET is served here")));
            }
            config.routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(dashboard));
            config.routes.get("/index.html", ctx -> ctx.contentType("text/html; charset=utf-8").result(dashboard));
            config.routes.get("/<path>", ctx -> ctx.status(404).json(error("no such page " + ctx.path()
                    + "; the dashboard is at / and the API under /api/")));
            config.routes.exception(Params.BadRequest.class, (e, ctx) -> ctx.status(400).json(error(e.getMessage())));
            config.routes.exception(AllianceQueries.Unavailable.class, (e, ctx) -> ctx.status(503).json(error(e.getMessage())));
        });
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            throw new UserError("cannot listen on " + host + ":" + port + " for the HTTP API: " + e.getMessage(), e);
        }
        return new AnalystServer(app, host, feed);
    }

    static Map<String, String> error(String message) {
        return Map.of("error", message);
    }

    private static byte[] dashboard() {
        try (InputStream in = AnalystServer.class.getResourceAsStream("/dashboard/index.html")) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the dashboard page is missing from the jar", e);
        }
    }

    public String url() {
        return "http://" + host + ":" + app.port();
    }

    @Override
    public void close() {
        feed.releaseWatchers(Duration.ofSeconds(5));
        app.stop();
    }
}
