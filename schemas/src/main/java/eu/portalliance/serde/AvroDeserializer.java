package eu.portalliance.serde;

import eu.portalliance.registry.RegistryException;
import eu.portalliance.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format into SpecificRecords, resolving the writer's schema (by id, from the registry)
 * against the reader's (the generated class), so records written with older or newer compatible schemas read fine.
 * Without a target class the class is chosen from the writer schema's full name, as Confluent's
 * {@code specific.avro.reader=true} does.
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
    private SchemaRegistryClient registry;
    private Class<T> type;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    public AvroDeserializer() {
    }

    public AvroDeserializer(SchemaRegistryClient registry, Class<T> type) {
        this.registry = registry;
        this.type = type;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            registry = new SerdeConfig(configs).registry();
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < WireFormat.HEADER_SIZE || data[0] != WireFormat.MAGIC) {
            throw new SerializationException("record on " + topic + " is not in the Confluent Avro wire format "
                    + "(expected magic byte 0 and a 4-byte schema id, got " + data.length + " bytes"
                    + (data.length > 0 ? " starting with " + data[0] : "") + ")");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        buffer.get();
        int id = buffer.getInt();
        try {
            DatumReader<T> reader = readers.computeIfAbsent(id, this::readerFor);
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                    data.length - WireFormat.HEADER_SIZE, null));
        } catch (RegistryException e) {
            throw new SerializationException("record on " + topic + " names schema id " + id
                    + " that the registry cannot give: " + e.getMessage(), e);
        } catch (IOException | AvroRuntimeException | ClassCastException | IndexOutOfBoundsException e) {
            throw new SerializationException("record on " + topic + " with schema id " + id + " is not valid Avro: " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private DatumReader<T> readerFor(int id) {
        Schema writer = registry.schemaById(id);
        Class<?> target = type != null ? type : SpecificData.get().getClass(writer);
        if (target == null) {
            throw new SerializationException("no generated class for schema " + writer.getFullName()
                    + " (id " + id + ") on the classpath");
        }
        SpecificData model = SpecificData.getForClass(target);
        Schema reader = model.getSchema(target);
        return new SpecificDatumReader<>(writer, reader, model);
    }
}
