package eu.portalliance.platform.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * How the API writes JSON: times as ISO-8601 instants, and the contract's Avro records (alerts, rule precision)
 * field by field from their schema, so a union is its value and an enum its symbol, exactly as the schema documents.
 */
final class ApiJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("avro").addSerializer(SpecificRecord.class, new AvroRecordSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ApiJson() {
    }

    private static final class AvroRecordSerializer extends StdSerializer<SpecificRecord> {
        AvroRecordSerializer() {
            super(SpecificRecord.class);
        }

        @Override
        public void serialize(SpecificRecord record, JsonGenerator gen, SerializerProvider provider) throws IOException {
            write(record.getSchema(), record, gen, provider);
        }

        private static void write(Schema schema, Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            switch (schema.getType()) {
                case RECORD -> {
                    IndexedRecord r = (IndexedRecord) value;
                    gen.writeStartObject();
                    for (Schema.Field f : schema.getFields()) {
                        gen.writeFieldName(f.name());
                        write(f.schema(), r.get(f.pos()), gen, provider);
                    }
                    gen.writeEndObject();
                }
                case UNION -> {
                    if (value == null) {
                        gen.writeNull();
                    } else {
                        write(schema.getTypes().get(SpecificData.get().resolveUnion(schema, value)), value, gen, provider);
                    }
                }
                case ARRAY -> {
                    gen.writeStartArray();
                    for (Object item : (List<?>) value) {
                        write(schema.getElementType(), item, gen, provider);
                    }
                    gen.writeEndArray();
                }
                case MAP -> {
                    gen.writeStartObject();
                    for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                        gen.writeFieldName(e.getKey().toString());
                        write(schema.getValueType(), e.getValue(), gen, provider);
                    }
                    gen.writeEndObject();
                }
                case ENUM, STRING -> gen.writeString(value.toString());
                case BYTES -> gen.writeString(Base64.getEncoder().encodeToString(bytes((ByteBuffer) value)));
                case FIXED -> gen.writeString(Base64.getEncoder().encodeToString(((GenericFixed) value).bytes()));
                case NULL -> gen.writeNull();
                // Numbers, booleans and logical types (timestamp-millis arrives as an Instant) as Jackson writes them.
                default -> provider.defaultSerializeValue(value, gen);
            }
        }

        private static byte[] bytes(ByteBuffer buffer) {
            byte[] out = new byte[buffer.remaining()];
            buffer.duplicate().get(out);
            return out;
        }
    }
}
