package eu.portalliance.platform.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import eu.portalliance.platform.api.AnalystApi;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The HTTP server on --http-port: the analysts' JSON API under /api/ and the live dashboard at /. */
public final class ApiServer implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService executor;

    private ApiServer(HttpServer http, ExecutorService executor) {
        this.http = http;
        this.executor = executor;
    }

    public static ApiServer start(String host, int port, AnalystApi api) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 128);
        // Cached, not fixed: every open dashboard holds one thread for its live feed.
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "api-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/api/", exchange -> {
            try (exchange) {
                api.handle(exchange);
            }
        });
        http.createContext("/", ApiServer::dashboard);
        http.start();
        return new ApiServer(http, executor);
    }

    private static void dashboard(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/") && !path.equals("/index.html")) {
                HttpExchanges.sendJson(exchange, 404, "application/json", Map.of("error", "no such page " + path
                        + "; the dashboard is at / and the API under /api/"));
                return;
            }
            try (InputStream in = ApiServer.class.getResourceAsStream("/dashboard/index.html")) {
                HttpExchanges.send(exchange, 200, "text/html; charset=utf-8", in.readAllBytes());
            }
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
