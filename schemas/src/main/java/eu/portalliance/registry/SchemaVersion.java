package eu.portalliance.registry;

import org.apache.avro.Schema;

/** One registered version of a subject: the registry's unit of storage. */
public record SchemaVersion(String subject, int version, int id, Schema schema) {
}
