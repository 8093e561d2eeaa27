package eu.portalliance.connect;

import eu.portalliance.registry.RestSchemaRegistryClient;
import eu.portalliance.registry.SchemaRegistryClient;
import eu.portalliance.serde.AvroDeserializer;
import eu.portalliance.serde.AvroSerializer;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * Writes the alliance's Avro records (as produced by {@link SuspiciousRowToEvent}) in the Confluent wire format
 * through a Confluent-compatible registry, raw bytes (dead letters) unchanged; reads them back as flat rows for SQL
 * sinks.
 */
public final class AllianceAvroConverter implements Converter {
    public static final String REGISTRY_URL = "schema.registry.url";

    private AvroSerializer<SpecificRecord> serializer;
    private AvroDeserializer<SpecificRecord> deserializer;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object url = configs.get(REGISTRY_URL);
        if (url == null) {
            throw new ConfigException(REGISTRY_URL, null, "set the schema registry URL, e.g. http://127.0.0.1:8081");
        }
        SchemaRegistryClient registry = new RestSchemaRegistryClient(url.toString());
        serializer = new AvroSerializer<>(registry, isKey, true);
        deserializer = new AvroDeserializer<>(registry, null);
    }

    @Override
    public byte[] fromConnectData(String topic, org.apache.kafka.connect.data.Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof SpecificRecord record) {
            return serializer.serialize(topic, record);
        }
        throw new DataException("AllianceAvroConverter writes alliance Avro records and raw bytes, not "
                + value.getClass().getName() + ": put the SuspiciousRowToEvent transform before it");
    }

    /** For sink connectors: the record as one flat row (see {@link SqlRows}); a tombstone stays a tombstone. */
    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        SpecificRecord record = deserializer.deserialize(topic, value);
        return record == null ? SchemaAndValue.NULL : SqlRows.flatten(record);
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef().define(REGISTRY_URL, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "Schema registry URL.");
    }
}
