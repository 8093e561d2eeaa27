package eu.portalliance.connect;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/**
 * An alliance Avro record as one flat SQL row for sink connectors: top-level fields become columns in snake_case,
 * times become timestamps, enums text, lists of names comma-separated text, and anything nested its JSON text.
 */
final class SqlRows {
    private static final Map<Schema, org.apache.kafka.connect.data.Schema> SCHEMAS = new ConcurrentHashMap<>();

    private SqlRows() {
    }

    static SchemaAndValue flatten(SpecificRecord record) {
        Schema avro = record.getSchema();
        org.apache.kafka.connect.data.Schema schema = SCHEMAS.computeIfAbsent(avro, SqlRows::schemaOf);
        Struct row = new Struct(schema);
        for (Schema.Field f : avro.getFields()) {
            row.put(column(f.name()), value(f.schema(), record.get(f.pos())));
        }
        return new SchemaAndValue(schema, row);
    }

    private static org.apache.kafka.connect.data.Schema schemaOf(Schema avro) {
        SchemaBuilder b = SchemaBuilder.struct().name(avro.getFullName());
        for (Schema.Field f : avro.getFields()) {
            b.field(column(f.name()), columnType(f.schema()));
        }
        return b.build();
    }

    private static org.apache.kafka.connect.data.Schema columnType(Schema s) {
        boolean optional = s.isNullable();
        Schema t = nonNull(s);
        SchemaBuilder b = switch (t.getType()) {
            case INT -> SchemaBuilder.int32();
            case LONG -> t.getLogicalType() instanceof LogicalTypes.TimestampMillis ? Timestamp.builder() : SchemaBuilder.int64();
            case DOUBLE -> SchemaBuilder.float64();
            case FLOAT -> SchemaBuilder.float32();
            case BOOLEAN -> SchemaBuilder.bool();
            default -> SchemaBuilder.string();
        };
        return optional ? b.optional().build() : b.build();
    }

    private static Object value(Schema s, Object v) {
        if (v == null) {
            return null;
        }
        Schema t = nonNull(s);
        return switch (t.getType()) {
            case INT, DOUBLE, FLOAT, BOOLEAN -> v;
            case LONG -> v instanceof Instant i ? Date.from(i) : v;
            case STRING, ENUM -> v.toString();
            case ARRAY -> {
                Schema items = nonNull(t.getElementType());
                boolean names = items.getType() == Schema.Type.STRING || items.getType() == Schema.Type.ENUM;
                yield names ? ((Collection<?>) v).stream().map(Object::toString).collect(Collectors.joining(","))
                        : GenericData.get().toString(v);
            }
            default -> GenericData.get().toString(v);
        };
    }

    private static Schema nonNull(Schema s) {
        if (s.getType() != Schema.Type.UNION) {
            return s;
        }
        return s.getTypes().stream().filter(x -> x.getType() != Schema.Type.NULL).findFirst().orElse(s);
    }

    static String column(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
