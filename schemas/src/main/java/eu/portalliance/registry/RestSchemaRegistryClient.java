package eu.portalliance.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client of the Confluent Schema Registry REST API, so production can point at Confluent Schema Registry,
 * Apicurio's Confluent-compatible API (/apis/ccompat/v7) or the alliance's own registry unchanged.
 * Ids and schemas are immutable once registered, so both are cached for the life of the client.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;
    private final Optional<String> authorization;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    /**
     * Keyed by the schema object itself: Avro caches a schema's hash, while its text is rebuilt on every toString()
     * — for the Alert schema that was a fifth of the topology's CPU, once per alert delivered.
     */
    private final Map<SubjectSchema, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, Schema schema) {
    }

    /** {@code baseUrl} may carry {@code user:password@}; see {@link RegistryAccess} for TLS and the environment. */
    public RestSchemaRegistryClient(String baseUrl) {
        this(RegistryAccess.of(baseUrl, System.getenv()));
    }

    RestSchemaRegistryClient(RegistryAccess access) {
        this.baseUrl = access.baseUrl();
        this.http = access.http();
        this.authorization = access.authorization();
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectAndSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + enc(subject) + "/versions", schemaBody(schema));
        int id = answer.path("id").asInt();
        idsBySubjectAndSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public SchemaVersion lookup(String subject, Schema schema) {
        return toVersion(send("POST", "/subjects/" + enc(subject), schemaBody(schema)));
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        Schema schema = RegistryState.parse(answer.path("schema").asText());
        schemasById.putIfAbsent(id, schema);
        return schema;
    }

    @Override
    public SchemaVersion version(String subject, String version) {
        return toVersion(send("GET", "/subjects/" + enc(subject) + "/versions/" + enc(version), null));
    }

    @Override
    public List<Integer> versions(String subject) {
        List<Integer> out = new ArrayList<>();
        send("GET", "/subjects/" + enc(subject) + "/versions", null).forEach(n -> out.add(n.asInt()));
        return out;
    }

    @Override
    public List<String> subjects() {
        List<String> out = new ArrayList<>();
        send("GET", "/subjects", null).forEach(n -> out.add(n.asText()));
        return out;
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            return send("POST", "/compatibility/subjects/" + enc(subject) + "/versions/latest", schemaBody(schema))
                    .path("is_compatible").asBoolean();
        } catch (RegistryException e) {
            if (e.errorCode() == RegistryException.SUBJECT_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public CompatibilityLevel compatibility(String subjectOrNull) {
        String path = subjectOrNull == null ? "/config" : "/config/" + enc(subjectOrNull) + "?defaultToGlobal=true";
        return CompatibilityLevel.parse(send("GET", path, null).path("compatibilityLevel").asText());
    }

    @Override
    public void setCompatibility(String subjectOrNull, CompatibilityLevel level) {
        String path = subjectOrNull == null ? "/config" : "/config/" + enc(subjectOrNull);
        ObjectNode body = JSON.createObjectNode().put("compatibility", level.name());
        send("PUT", path, body.toString());
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).put("schemaType", "AVRO").toString();
    }

    private static SchemaVersion toVersion(JsonNode n) {
        return new SchemaVersion(n.path("subject").asText(), n.path("version").asInt(), n.path("id").asInt(),
                RegistryState.parse(n.path("schema").asText()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", CONTENT_TYPE + ", application/json");
        authorization.ifPresent(a -> request.header("Authorization", a));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RegistryException(503, RegistryException.UNREACHABLE, "schema registry at " + baseUrl
                    + " did not answer (" + e + "): start it, or pass the right --registry URL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(503, RegistryException.UNREACHABLE, "interrupted while calling " + baseUrl, e);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new RegistryException(response.statusCode(), response.statusCode() * 100, "schema registry at " + baseUrl
                    + " refused " + (authorization.isPresent() ? "these credentials" : "a request without credentials")
                    + " (HTTP " + response.statusCode() + "): set " + RegistryAccess.USER_INFO_ENV + "=user:password");
        }
        JsonNode json;
        try {
            json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new RegistryException(response.statusCode(), response.statusCode() * 100,
                    "schema registry at " + baseUrl + " answered " + response.statusCode() + " with a body that is not JSON: "
                            + abbreviate(response.body()));
        }
        if (response.statusCode() / 100 != 2) {
            int code = json.path("error_code").asInt(response.statusCode());
            String message = json.path("message").asText("HTTP " + response.statusCode() + " from " + baseUrl + path);
            throw new RegistryException(response.statusCode(), code, message);
        }
        return json;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
