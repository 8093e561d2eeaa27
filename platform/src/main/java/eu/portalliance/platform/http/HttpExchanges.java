package eu.portalliance.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for the JDK HTTP server: JSON in and out, path segments, query parameters. */
public final class HttpExchanges {
    public static final ObjectMapper JSON = new ObjectMapper();

    private HttpExchanges() {
    }

    /** The decoded path segments after {@code prefix}, e.g. "/subjects/a%2Fb/versions" gives [subjects, a/b, versions]. */
    public static List<String> segments(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawPath();
        List<String> out = new ArrayList<>();
        for (String part : raw.split("/")) {
            if (!part.isEmpty()) {
                out.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    public static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    /** The request body as JSON; an empty body is an empty object. Throws IOException on malformed JSON. */
    public static JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                return JSON.createObjectNode();
            }
            return JSON.readTree(bytes);
        }
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public static void sendJson(HttpExchange exchange, int status, String contentType, Object body) throws IOException {
        send(exchange, status, contentType, JSON.writeValueAsBytes(body));
    }
}
