package eu.portalliance.platform.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** The platform's HTTP API on --http-port. */
public final class ApiServer implements AutoCloseable {
    private static final String JSON_TYPE = "application/json";
    private final HttpServer http;
    private final ExecutorService executor;

    private ApiServer(HttpServer http, ExecutorService executor) {
        this.http = http;
        this.executor = executor;
    }

    public static ApiServer start(String host, int port, Supplier<Map<String, Object>> health) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 64);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "api-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/api/health", exchange -> {
            try (exchange) {
                HttpExchanges.sendJson(exchange, 200, JSON_TYPE, health.get());
            }
        });
        http.createContext("/", ApiServer::notFound);
        http.start();
        return new ApiServer(http, executor);
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpExchanges.sendJson(exchange, 404, JSON_TYPE, Map.of("error", "no such endpoint: "
                    + exchange.getRequestURI().getPath() + "; see the README for the API"));
        }
    }

    public String url() {
        return "http://" + http.getAddress().getHostString() + ":" + http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }
}
