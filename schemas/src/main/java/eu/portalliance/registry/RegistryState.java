package eu.portalliance.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The registry's model: subjects, versions, ids and compatibility levels, with Confluent's semantics
 * (one id per distinct schema across subjects; registering an existing schema returns its id).
 * Registration is split into {@link #plan} and {@link #apply} so a persistent store can write the new
 * version durably between the two, and replay it with {@link #apply} alone after a restart.
 */
public final class RegistryState {
    private final Map<Integer, Schema> byId = new HashMap<>();
    private final Map<String, Integer> idByText = new HashMap<>();
    private final Map<String, List<SchemaVersion>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int maxId;

    public RegistryState(CompatibilityLevel globalLevel) {
        this.globalLevel = globalLevel;
    }

    public static Schema parse(String text) {
        if (text == null || text.isBlank()) {
            throw RegistryException.invalidSchema("the request has no schema; send {\"schema\": \"<Avro schema JSON>\"}");
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException | NullPointerException e) {
            throw RegistryException.invalidSchema(firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            throw RegistryException.invalidSchema("not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable schema";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** A registration as it would happen: an existing version, or a new one that passed the compatibility check. */
    public record Registration(SchemaVersion version, boolean isNew) {
    }

    public synchronized Registration plan(String subject, Schema schema) {
        Optional<SchemaVersion> existing = find(subject, schema);
        if (existing.isPresent()) {
            return new Registration(existing.get(), false);
        }
        List<String> problems = problems(subject, schema);
        if (!problems.isEmpty()) {
            throw new RegistryException(409, RegistryException.INCOMPATIBLE,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                            + "\", details: " + problems);
        }
        List<SchemaVersion> versions = subjects.getOrDefault(subject, List.of());
        int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        int id = idByText.getOrDefault(schema.toString(), maxId + 1);
        return new Registration(new SchemaVersion(subject, version, id, schema), true);
    }

    /** Adds a version; applying the same version twice (a replayed log) changes nothing. */
    public synchronized void apply(SchemaVersion v) {
        List<SchemaVersion> versions = subjects.computeIfAbsent(v.subject(), s -> new ArrayList<>());
        if (versions.stream().noneMatch(x -> x.version() == v.version())) {
            versions.add(v);
            versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
        }
        byId.putIfAbsent(v.id(), v.schema());
        idByText.putIfAbsent(v.schema().toString(), v.id());
        maxId = Math.max(maxId, v.id());
    }

    public synchronized void applyLevel(String subjectOrNull, CompatibilityLevel level) {
        if (subjectOrNull == null) {
            globalLevel = level;
        } else {
            subjectLevels.put(subjectOrNull, level);
        }
    }

    public synchronized List<String> problems(String subject, Schema schema) {
        List<Schema> existing = subjects.getOrDefault(subject, List.of()).stream().map(SchemaVersion::schema).toList();
        return level(subject).problems(schema, existing);
    }

    public synchronized Optional<SchemaVersion> find(String subject, Schema schema) {
        String text = schema.toString();
        return subjects.getOrDefault(subject, List.of()).stream()
                .filter(v -> v.schema().toString().equals(text))
                .findFirst();
    }

    public synchronized Schema byId(int id) {
        Schema schema = byId.get(id);
        if (schema == null) {
            throw RegistryException.schemaNotFound(Integer.toString(id));
        }
        return schema;
    }

    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    public synchronized List<SchemaVersion> versions(String subject) {
        List<SchemaVersion> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return List.copyOf(versions);
    }

    /** {@code version} is a number or "latest", as in the REST API. */
    public synchronized SchemaVersion version(String subject, String version) {
        List<SchemaVersion> versions = versions(subject);
        if ("latest".equals(version) || "-1".equals(version)) {
            return versions.get(versions.size() - 1);
        }
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new RegistryException(422, RegistryException.INVALID_VERSION, "The specified version '" + version
                    + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
        }
        if (number < 1) {
            throw new RegistryException(422, RegistryException.INVALID_VERSION, "The specified version '" + version
                    + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
        }
        return versions.stream().filter(v -> v.version() == number).findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(subject, number));
    }

    /** Subject-version pairs that use schema {@code id}. */
    public synchronized List<SchemaVersion> usesOf(int id) {
        byId(id);
        List<SchemaVersion> out = new ArrayList<>();
        subjects.values().forEach(vs -> vs.stream().filter(v -> v.id() == id).forEach(out::add));
        return out;
    }

    public synchronized CompatibilityLevel level(String subjectOrNull) {
        if (subjectOrNull == null) {
            return globalLevel;
        }
        return subjectLevels.getOrDefault(subjectOrNull, globalLevel);
    }

    public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }
}
