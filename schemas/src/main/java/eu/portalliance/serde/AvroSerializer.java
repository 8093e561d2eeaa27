package eu.portalliance.serde;

import eu.portalliance.registry.RegistryException;
import eu.portalliance.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes SpecificRecords in the Confluent wire format. The schema is registered under the topic's subject on first
 * use (or only looked up, when auto-registration is off, as production registries usually demand).
 */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {
    private SchemaRegistryClient registry;
    private boolean isKey;
    private boolean autoRegister = true;
    private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();
    /**
     * Avro's buffered encoder, one per thread and reused: the direct encoder wrote most values a byte at a time into
     * ByteArrayOutputStream, whose every write takes its lock, and that was a quarter of the topology's serializing.
     */
    private static final ThreadLocal<BinaryEncoder> ENCODERS = new ThreadLocal<>();

    /** For Kafka's reflective construction; {@link #configure} then reads {@code schema.registry.url}. */
    public AvroSerializer() {
    }

    public AvroSerializer(SchemaRegistryClient registry, boolean isKey, boolean autoRegister) {
        this.registry = registry;
        this.isKey = isKey;
        this.autoRegister = autoRegister;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        SerdeConfig config = new SerdeConfig(configs);
        if (registry == null) {
            registry = config.registry();
        }
        autoRegister = config.autoRegister();
    }

    private record SubjectSchema(String subject, Schema schema) {
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (registry == null) {
            throw new SerializationException("AvroSerializer has no schema registry: set schema.registry.url");
        }
        Schema schema = record.getSchema();
        String subject = WireFormat.subject(topic, isKey);
        int id;
        try {
            id = ids.computeIfAbsent(new SubjectSchema(subject, schema),
                    k -> autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema).id());
        } catch (RegistryException e) {
            throw new SerializationException("cannot get a schema id for subject '" + subject + "': " + e.getMessage(), e);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(WireFormat.MAGIC);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, ENCODERS.get());
            ENCODERS.set(encoder);
            writers.computeIfAbsent(schema, s -> new SpecificDatumWriter<>(s, SpecificData.getForSchema(s)))
                    .write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }
}
