package eu.portalliance.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API the alliance uses. Implementations: {@link RestSchemaRegistryClient}
 * (any Confluent-compatible registry), {@link InMemorySchemaRegistry} (TopologyTestDriver tests).
 * Every failure is a {@link RegistryException} with Confluent's error code.
 */
public interface SchemaRegistryClient {
    /** Registers {@code schema} under {@code subject} (or finds it there) and returns its global id. */
    int register(String subject, Schema schema);

    /** The version of {@code subject} that holds exactly {@code schema}. */
    SchemaVersion lookup(String subject, Schema schema);

    Schema schemaById(int id);

    /** {@code version} is a number or "latest". */
    SchemaVersion version(String subject, String version);

    List<Integer> versions(String subject);

    List<String> subjects();

    /** Whether {@code schema} could be registered under {@code subject} at the subject's compatibility level. */
    boolean isCompatible(String subject, Schema schema);

    CompatibilityLevel compatibility(String subjectOrNull);

    void setCompatibility(String subjectOrNull, CompatibilityLevel level);
}
