package eu.portalliance.platform.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import eu.portalliance.platform.http.HttpExchanges;
import eu.portalliance.registry.CompatibilityLevel;
import eu.portalliance.registry.RegistryException;
import eu.portalliance.registry.RegistryState;
import eu.portalliance.registry.SchemaVersion;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry that speaks the Confluent Schema Registry REST API (the endpoints Kafka clients and serdes use),
 * keeps its schemas in a compacted Kafka topic, and checks compatibility with Avro's SchemaCompatibility.
 */
public final class RegistryServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RegistryServer.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final RegistryState state;
    private final Object writeLock = new Object();
    private final KafkaSchemaLog store;
    private final HttpServer http;
    private final ExecutorService executor;

    private RegistryServer(RegistryState state, KafkaSchemaLog store, HttpServer http, ExecutorService executor) {
        this.state = state;
        this.store = store;
        this.http = http;
        this.executor = executor;
    }

    /** The jdk.httpserver setting for TCP_NODELAY on accepted connections. */
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    /**
     * Replays {@code topic} from the broker at {@code bootstrap}, then serves on {@code host}:{@code port}
     * (0 picks a free port).
     */
    public static RegistryServer start(String bootstrap, String topic, String host, int port, Map<String, Object> clientConfig)
            throws IOException {
        // The JDK's server writes a response's headers and body separately; with Nagle on, the body then waits for the
        // client's delayed ACK, about 40 ms per call (108 subject registrations at start: 8.2 s, with TCP_NODELAY 3.3 s).
        // Read once, when the first server of the JVM is made; an operator's own setting wins.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 64);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "registry-http");
            t.setDaemon(true);
            return t;
        });
        RegistryServer server;
        try {
            RegistryState state = new RegistryState(CompatibilityLevel.BACKWARD);
            server = new RegistryServer(state, KafkaSchemaLog.open(bootstrap, topic, state, clientConfig), http, executor);
        } catch (RuntimeException e) {
            http.stop(0);
            executor.shutdownNow();
            throw e;
        }
        http.createContext("/", server::handle);
        http.setExecutor(executor);
        http.start();
        log.info("schema registry listening on {}", server.url());
        return server;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String url() {
        return "http://" + http.getAddress().getHostString() + ":" + port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                Object answer = route(exchange.getRequestMethod(), HttpExchanges.segments(exchange), exchange);
                if (answer instanceof String raw) {
                    HttpExchanges.send(exchange, 200, CONTENT_TYPE, raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    HttpExchanges.sendJson(exchange, 200, CONTENT_TYPE, answer);
                }
            } catch (RegistryException e) {
                error(exchange, e.httpStatus(), e.errorCode(), e.getMessage());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                error(exchange, 400, 400, "Request body is not valid JSON: " + e.getOriginalMessage());
            } catch (RuntimeException e) {
                log.error("registry request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                error(exchange, 500, 50001, "Error in the backend data store: " + e.getMessage());
            }
        }
    }

    private static void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        ObjectNode body = HttpExchanges.JSON.createObjectNode().put("error_code", code).put("message", message);
        HttpExchanges.sendJson(exchange, status, CONTENT_TYPE, body);
    }

    private static RegistryException notFound(String method, List<String> path) {
        return new RegistryException(404, 404, "HTTP 404 Not Found: " + method + " /" + String.join("/", path));
    }

    private Object route(String method, List<String> p, HttpExchange exchange) throws IOException {
        int n = p.size();
        String first = n > 0 ? p.get(0) : "";
        switch (first) {
            case "" -> {
                return HttpExchanges.JSON.createObjectNode();
            }
            case "subjects" -> {
                if (n == 1 && method.equals("GET")) {
                    return state.subjects();
                }
                String subject = n > 1 ? p.get(1) : null;
                if (n == 2 && method.equals("POST")) {
                    Schema schema = schemaFrom(exchange);
                    state.versions(subject);
                    return versionJson(state.find(subject, schema)
                            .orElseThrow(() -> new RegistryException(404, RegistryException.SCHEMA_NOT_FOUND, "Schema not found")));
                }
                if (n == 3 && p.get(2).equals("versions") && method.equals("GET")) {
                    return state.versions(subject).stream().map(SchemaVersion::version).toList();
                }
                if (n == 3 && p.get(2).equals("versions") && method.equals("POST")) {
                    return register(subject, schemaFrom(exchange));
                }
                if (n == 4 && p.get(2).equals("versions") && method.equals("GET")) {
                    return versionJson(state.version(subject, p.get(3)));
                }
                if (n == 5 && p.get(2).equals("versions") && p.get(4).equals("schema") && method.equals("GET")) {
                    return state.version(subject, p.get(3)).schema().toString();
                }
            }
            case "schemas" -> {
                if (n == 2 && p.get(1).equals("types") && method.equals("GET")) {
                    return List.of("AVRO");
                }
                if (n >= 3 && p.get(1).equals("ids") && method.equals("GET")) {
                    int id = parseId(p.get(2));
                    if (n == 3) {
                        return HttpExchanges.JSON.createObjectNode().put("schema", state.byId(id).toString());
                    }
                    if (n == 4 && p.get(3).equals("schema")) {
                        return state.byId(id).toString();
                    }
                    if (n == 4 && p.get(3).equals("versions")) {
                        ArrayNode out = HttpExchanges.JSON.createArrayNode();
                        state.usesOf(id).forEach(v -> out.addObject().put("subject", v.subject()).put("version", v.version()));
                        return out;
                    }
                }
            }
            case "compatibility" -> {
                if (n == 5 && p.get(1).equals("subjects") && p.get(3).equals("versions") && method.equals("POST")) {
                    return compatibility(p.get(2), p.get(4), schemaFrom(exchange),
                            "true".equals(HttpExchanges.query(exchange).get("verbose")));
                }
            }
            case "config" -> {
                String subject = n == 2 ? p.get(1) : null;
                if (n <= 2 && method.equals("GET")) {
                    boolean defaultToGlobal = "true".equals(HttpExchanges.query(exchange).get("defaultToGlobal"));
                    if (subject != null && !defaultToGlobal && state.subjectLevel(subject).isEmpty()) {
                        throw new RegistryException(404, 40408, "Subject '" + subject
                                + "' does not have subject-level compatibility configured");
                    }
                    return HttpExchanges.JSON.createObjectNode().put("compatibilityLevel", state.level(subject).name());
                }
                if (n <= 2 && method.equals("PUT")) {
                    JsonNode body = HttpExchanges.body(exchange);
                    CompatibilityLevel level = CompatibilityLevel.parse(body.path("compatibility").asText(""));
                    synchronized (writeLock) {
                        store.writeConfig(subject, level);
                        state.applyLevel(subject, level);
                    }
                    return HttpExchanges.JSON.createObjectNode().put("compatibility", level.name());
                }
            }
            default -> {
            }
        }
        if (method.equals("DELETE")) {
            throw new RegistryException(405, 405, "Deleting schemas is not supported: versions are kept so every "
                    + "record ever written stays readable; register a new version instead");
        }
        throw notFound(method, p);
    }

    private ObjectNode register(String subject, Schema schema) {
        SchemaVersion version;
        synchronized (writeLock) {
            RegistryState.Registration r = state.plan(subject, schema);
            if (r.isNew()) {
                store.writeSchema(r.version());
                state.apply(r.version());
                log.info("registered {} version {} as id {}", subject, r.version().version(), r.version().id());
            }
            version = r.version();
        }
        return HttpExchanges.JSON.createObjectNode().put("id", version.id());
    }

    private ObjectNode compatibility(String subject, String version, Schema schema, boolean verbose) {
        List<String> problems;
        try {
            if ("latest".equals(version)) {
                problems = state.problems(subject, schema);
            } else {
                Schema existing = state.version(subject, version).schema();
                problems = state.level(subject).problems(schema, List.of(existing));
            }
        } catch (RegistryException e) {
            if (e.errorCode() != RegistryException.SUBJECT_NOT_FOUND) {
                throw e;
            }
            problems = List.of();
        }
        ObjectNode out = HttpExchanges.JSON.createObjectNode().put("is_compatible", problems.isEmpty());
        if (verbose) {
            ArrayNode messages = out.putArray("messages");
            problems.forEach(messages::add);
        }
        return out;
    }

    private static Schema schemaFrom(HttpExchange exchange) throws IOException {
        JsonNode body = HttpExchanges.body(exchange);
        String type = body.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw new RegistryException(422, RegistryException.INVALID_SCHEMA,
                    "Invalid schema type " + type + ": this registry holds AVRO schemas only");
        }
        if (body.has("references") && body.path("references").size() > 0) {
            throw new RegistryException(422, RegistryException.INVALID_SCHEMA,
                    "Schema references are not supported: send the schema with its named types inlined");
        }
        return RegistryState.parse(body.path("schema").asText(null));
    }

    private static int parseId(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw RegistryException.schemaNotFound("'" + s + "'");
        }
    }

    private static ObjectNode versionJson(SchemaVersion v) {
        return HttpExchanges.JSON.createObjectNode().put("subject", v.subject()).put("version", v.version())
                .put("id", v.id()).put("schema", v.schema().toString());
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        store.close();
        log.info("schema registry stopped");
    }
}
