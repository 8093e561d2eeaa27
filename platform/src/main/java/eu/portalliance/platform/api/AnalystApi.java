package eu.portalliance.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.RulePrecision;
import eu.portalliance.avro.Severity;
import eu.portalliance.ids.ContainerNumber;
import eu.portalliance.ids.ImoNumber;
import eu.portalliance.ids.UnLocode;
import eu.portalliance.platform.http.HttpExchanges;
import eu.portalliance.topology.AllianceTopology;
import eu.portalliance.topology.avro.EntityHistory;
import eu.portalliance.topology.avro.RouteWindow;
import eu.portalliance.topology.sightings.SightingFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The analysts' JSON API over the topology's state. Keyed lookups are answered by the instance that owns the key
 * (forwarded there when it is another); scans are answered from every instance's active partitions and merged, so
 * any instance gives the same answer.
 */
public final class AnalystApi {
    private static final ObjectMapper JSON = HttpExchanges.JSON;
    private static final String TYPE = "application/json";
    private static final String LOCAL = "scope=local";

    private final StoreQueries stores;
    private final AlertFeed feed;
    private final Supplier<Map<String, Object>> health;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final Duration routeWindow;

    /** @param routeWindow size of the topology's route windows, so a time range catches windows that overlap it */
    public AnalystApi(StoreQueries stores, AlertFeed feed, Supplier<Map<String, Object>> health, Duration routeWindow) {
        this.stores = stores;
        this.routeWindow = routeWindow;
        this.feed = feed;
        this.health = health;
    }

    public void handle(HttpExchange exchange) throws IOException {
        List<String> p = HttpExchanges.segments(exchange);
        Params params = new Params(HttpExchanges.query(exchange));
        boolean local = params.text("scope").filter("local"::equals).isPresent();
        try {
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, error("only GET is served here"));
                return;
            }
            String what = p.size() > 1 ? p.get(1) : "";
            String id = p.size() > 2 ? p.get(2) : null;
            switch (what) {
                case "health" -> send(exchange, 200, JSON.valueToTree(health.get()));
                case "containers" -> entity(exchange, EntityType.CONTAINER, checked(id, ContainerNumber.problem(id)), local);
                case "vessels" -> entity(exchange, EntityType.VESSEL, checked(id == null ? null : ImoNumber.normalise(id), ImoNumber.problem(id)), local);
                case "parties" -> entity(exchange, EntityType.PARTY, checked(id, id == null || !id.matches("(EORI|NAME):.+")
                        ? Optional.of("party key '" + id + "' must be EORI:<number> or NAME:<normalised name>/<country>, as alerts show it")
                        : Optional.empty()), local);
                case "alerts" -> {
                    if ("stream".equals(id)) {
                        feed.serve(exchange);
                    } else if (id != null) {
                        alert(exchange, id, local);
                    } else {
                        alerts(exchange, params, local);
                    }
                }
                case "routes", "origins" -> routes(exchange, what, id, params, local);
                case "rules" -> precision(exchange, local);
                default -> send(exchange, 404, error("no such endpoint /" + String.join("/", p)
                        + "; see the README for /api/containers, /api/vessels, /api/parties, /api/alerts, /api/routes, /api/origins, /api/rules"));
            }
        } catch (Params.BadRequest e) {
            send(exchange, 400, error(e.getMessage()));
        } catch (StoreQueries.Unavailable e) {
            send(exchange, 503, error(e.getMessage()));
        }
    }

    private static String checked(String id, Optional<String> problem) {
        if (id == null || id.isBlank()) {
            throw new Params.BadRequest("give the identifier in the path, e.g. /api/containers/CSQU3054383");
        }
        problem.ifPresent(p -> {
            throw new Params.BadRequest(p);
        });
        return id;
    }

    private void entity(HttpExchange exchange, EntityType type, String id, boolean local) throws IOException {
        String key = SightingFactory.key(type, id);
        Optional<HostInfo> owner = local ? Optional.empty() : stores.remoteOwner(AllianceTopology.ENTITY_HISTORIES_STORE, key);
        if (owner.isPresent()) {
            forward(exchange, owner.get());
            return;
        }
        Optional<EntityHistory> history = stores.get(AllianceTopology.ENTITY_HISTORIES_STORE, key);
        if (history.isEmpty()) {
            send(exchange, 404, error("no recent sightings of " + type.name().toLowerCase(java.util.Locale.ROOT) + " " + id
                    + " (entities are kept for the correlation window plus grace)"));
            return;
        }
        ObjectNode out = JSON.createObjectNode().put("entityType", type.name()).put("entityId", id);
        ArrayNode sightings = out.putArray("sightings");
        java.util.Set<String> ports = new java.util.TreeSet<>();
        for (var s : history.get().getSightings()) {
            sightings.add(JSON.readTree(s.toString()));
            ports.add(s.getPort());
        }
        ArrayNode portList = out.putArray("ports");
        ports.forEach(portList::add);
        send(exchange, 200, out);
    }

    private void alert(HttpExchange exchange, String id, boolean local) throws IOException {
        Optional<HostInfo> owner = local ? Optional.empty() : stores.remoteOwner(AllianceTopology.ALERT_INDEX_STORE, id);
        if (owner.isPresent()) {
            forward(exchange, owner.get());
            return;
        }
        Optional<Alert> alert = stores.get(AllianceTopology.ALERT_INDEX_STORE, id);
        if (alert.isEmpty()) {
            send(exchange, 404, error("no alert " + id));
        } else {
            send(exchange, 200, JSON.readTree(alert.get().toString()));
        }
    }

    private void alerts(HttpExchange exchange, Params params, boolean local) throws IOException {
        Optional<String> port = params.text("port");
        port.ifPresent(p -> UnLocode.problem(p).ifPresent(problem -> {
            throw new Params.BadRequest("port: " + problem);
        }));
        Optional<AlertType> type = params.enumeration("type", AlertType.class);
        Optional<Severity> severity = params.enumeration("severity", Severity.class);
        Instant since = params.instant("since", Instant.EPOCH);
        Instant until = params.instant("until", Instant.MAX);
        Optional<String> entity = params.text("entity");
        int limit = params.integer("limit", 50, 1, 1000);
        String sort = params.oneOf("sort", "newest", "newest", "severity");
        List<JsonNode> all = gather(exchange, local, () -> {
            List<JsonNode> mine = new ArrayList<>();
            for (KeyValue<String, Alert> kv : stores.<Alert>localAll(AllianceTopology.ALERT_INDEX_STORE)) {
                mine.add(json(kv.value));
            }
            return mine;
        }, AllianceTopology.ALERT_INDEX_STORE);
        if (all == null) {
            return;
        }
        List<JsonNode> kept = all.stream().filter(a -> {
            Instant raised = Instant.parse(a.path("raisedAt").asText());
            boolean portOk = port.isEmpty() || contains(a.path("ports"), port.get()) || contains(a.path("addressedTo"), port.get());
            return portOk && type.map(t -> t.name().equals(a.path("type").asText())).orElse(true)
                    && severity.map(s -> Severity.valueOf(a.path("severity").asText()).ordinal() >= s.ordinal()).orElse(true)
                    && entity.map(e -> e.equals(a.path("entityId").asText())).orElse(true)
                    && !raised.isBefore(since) && !raised.isAfter(until);
        }).sorted(sort.equals("severity")
                ? Comparator.<JsonNode, Integer>comparing(a -> -Severity.valueOf(a.path("severity").asText()).ordinal())
                        .thenComparing(a -> a.path("raisedAt").asText(), Comparator.reverseOrder())
                : Comparator.comparing((JsonNode a) -> a.path("raisedAt").asText(), Comparator.reverseOrder())
                        .thenComparing(a -> a.path("alertId").asText())).toList();
        ObjectNode out = JSON.createObjectNode().put("count", kept.size());
        ArrayNode list = out.putArray("alerts");
        kept.stream().limit(limit).forEach(list::add);
        send(exchange, 200, out);
    }

    private void routes(HttpExchange exchange, String what, String view, Params params, boolean local) throws IOException {
        Instant from = params.instant("from", Instant.EPOCH);
        Instant to = params.instant("to", Instant.now().plus(Duration.ofDays(1)));
        if (from.isAfter(to)) {
            throw new Params.BadRequest("from (" + from + ") is after to (" + to + ")");
        }
        String by = params.oneOf("by", "seizures", "seizures", "kg");
        int limit = params.integer("limit", 10, 1, 1000);
        String group = params.oneOf("group", "country", "country", "port");
        if (!"top".equals(view) && !"timeline".equals(view)) {
            throw new Params.BadRequest("use /api/" + what + "/top or /api/" + what + "/timeline");
        }
        List<JsonNode> windows = gather(exchange, local, () -> {
            List<JsonNode> mine = new ArrayList<>();
            Instant earliestStart = from.minus(routeWindow).isBefore(Instant.EPOCH) ? Instant.EPOCH : from.minus(routeWindow);
            for (KeyValue<Windowed<String>, RouteWindow> kv : stores.<RouteWindow>localWindows(AllianceTopology.ROUTE_WINDOWS_STORE, earliestStart, to)) {
                if (!kv.key.window().endTime().isAfter(from)) {
                    continue;
                }
                mine.add(JSON.createObjectNode().put("route", SightingFactory.idOf(kv.key.key()))
                        .put("windowStart", Instant.ofEpochMilli(kv.key.window().start()).toString())
                        .put("seizures", kv.value.getCount()).put("kg", kv.value.getKilograms()));
            }
            return mine;
        }, AllianceTopology.ROUTE_WINDOWS_STORE);
        if (windows == null) {
            return;
        }
        Map<String, double[]> totals = new TreeMap<>();
        Map<String, Map<String, double[]>> series = new TreeMap<>();
        for (JsonNode w : windows) {
            String route = w.path("route").asText();
            String name = what.equals("routes") ? route : origin(route, group);
            double[] t = totals.computeIfAbsent(name, k -> new double[2]);
            t[0] += w.path("seizures").asDouble();
            t[1] += w.path("kg").asDouble();
            double[] s = series.computeIfAbsent(name, k -> new TreeMap<>()).computeIfAbsent(w.path("windowStart").asText(), k -> new double[2]);
            s[0] += w.path("seizures").asDouble();
            s[1] += w.path("kg").asDouble();
        }
        int metric = by.equals("kg") ? 1 : 0;
        List<String> ranked = totals.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, double[]>>comparingDouble(e -> -e.getValue()[metric]).thenComparing(Map.Entry::getKey))
                .limit(limit).map(Map.Entry::getKey).toList();
        ObjectNode out = JSON.createObjectNode().put("from", from.toString()).put("to", to.toString()).put("by", by);
        ArrayNode list = out.putArray(what);
        for (String name : ranked) {
            ObjectNode row = list.addObject().put(what.equals("routes") ? "route" : "origin", name)
                    .put("seizures", (long) totals.get(name)[0]).put("kg", Math.round(totals.get(name)[1] * 10) / 10.0);
            if ("timeline".equals(view)) {
                ArrayNode points = row.putArray("weeks");
                series.get(name).forEach((start, v) -> points.addObject().put("windowStart", start)
                        .put("seizures", (long) v[0]).put("kg", Math.round(v[1] * 10) / 10.0));
            }
        }
        send(exchange, 200, out);
    }

    private void precision(HttpExchange exchange, boolean local) throws IOException {
        List<JsonNode> rows = gather(exchange, local, () -> {
            List<JsonNode> mine = new ArrayList<>();
            for (KeyValue<String, RulePrecision> kv : stores.<RulePrecision>localAll(AllianceTopology.RULE_PRECISION_STORE)) {
                mine.add(json(kv.value));
            }
            return mine;
        }, AllianceTopology.RULE_PRECISION_STORE);
        if (rows == null) {
            return;
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("rules");
        rows.stream().sorted(Comparator.comparing((JsonNode r) -> r.path("ruleId").asText())
                .thenComparing(r -> r.path("ruleVersion").asInt())).forEach(list::add);
        send(exchange, 200, out);
    }

    private static String origin(String route, String group) {
        String origin = route.split(">", 2)[0];
        return group.equals("country") && origin.length() == 5 ? origin.substring(0, 2) : origin;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode json(Object avro) {
        try {
            return JSON.readTree(avro.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * This instance's items, plus (unless the request is itself a fan-out) every peer's; null when a peer could not
     * answer and the error was already sent: a partial answer is never passed off as a whole one.
     */
    private List<JsonNode> gather(HttpExchange exchange, boolean local, Supplier<List<JsonNode>> mine, String store) throws IOException {
        List<JsonNode> all = new ArrayList<>(mine.get());
        if (local) {
            send(exchange, 200, JSON.valueToTree(all));
            return null;
        }
        for (HostInfo peer : stores.peers(store)) {
            URI uri = peerUri(peer, exchange);
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    send(exchange, 503, error("instance " + peer + " answered " + r.statusCode() + ": try again shortly"));
                    return null;
                }
                JSON.readTree(r.body()).forEach(all::add);
            } catch (IOException | InterruptedException e) {
                send(exchange, 503, error("instance " + peer + " did not answer (" + e.getClass().getSimpleName() + "): try again shortly"));
                return null;
            }
        }
        return all;
    }

    private void forward(HttpExchange exchange, HostInfo owner) throws IOException {
        URI uri = peerUri(owner, exchange);
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            HttpExchanges.send(exchange, r.statusCode(), TYPE, r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(exchange, 503, error("interrupted"));
        } catch (IOException e) {
            send(exchange, 503, error("instance " + owner + " owns this key but did not answer: try again shortly"));
        }
    }

    /** The same request, for another instance to answer from its own partitions only. */
    private static URI peerUri(HostInfo peer, HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        return URI.create("http://" + peer.host() + ":" + peer.port() + exchange.getRequestURI().getRawPath() + "?"
                + (query == null || query.isEmpty() ? LOCAL : query + "&" + LOCAL));
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        HttpExchanges.sendJson(exchange, status, TYPE, body);
    }
}
