package eu.portalliance.platform.api;

import io.javalin.config.RoutesConfig;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /api/health}: whether this instance's topology runs, and what it has refused, per reason. */
final class HealthResource {
    private final Supplier<Map<String, Object>> health;

    HealthResource(Supplier<Map<String, Object>> health) {
        this.health = health;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/health", ctx -> ctx.json(health.get()));
    }
}
