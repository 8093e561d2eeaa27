package eu.portalliance.registry;

import java.util.List;
import org.apache.avro.Schema;

/** A registry held in memory, for TopologyTestDriver tests and tools that need no shared registry. */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {
    private final RegistryState state = new RegistryState(CompatibilityLevel.BACKWARD);

    @Override
    public synchronized int register(String subject, Schema schema) {
        RegistryState.Registration r = state.plan(subject, schema);
        if (r.isNew()) {
            state.apply(r.version());
        }
        return r.version().id();
    }

    @Override
    public SchemaVersion lookup(String subject, Schema schema) {
        state.versions(subject);
        return state.find(subject, schema).orElseThrow(() -> RegistryException.schemaNotFound("under subject '" + subject + "'"));
    }

    @Override
    public Schema schemaById(int id) {
        return state.byId(id);
    }

    @Override
    public SchemaVersion version(String subject, String version) {
        return state.version(subject, version);
    }

    @Override
    public List<Integer> versions(String subject) {
        return state.versions(subject).stream().map(SchemaVersion::version).toList();
    }

    @Override
    public List<String> subjects() {
        return state.subjects();
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        return state.problems(subject, schema).isEmpty();
    }

    @Override
    public CompatibilityLevel compatibility(String subjectOrNull) {
        return state.level(subjectOrNull);
    }

    @Override
    public void setCompatibility(String subjectOrNull, CompatibilityLevel level) {
        state.applyLevel(subjectOrNull, level);
    }
}
