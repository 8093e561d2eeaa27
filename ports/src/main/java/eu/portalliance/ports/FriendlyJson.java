package eu.portalliance.ports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads events written as plain JSON — what a port's developer would write by hand: optional fields left out or
 * null, enums as strings, times as ISO-8601 ({@code "2024-03-01T10:15:30Z"}) — into the contract's Avro classes,
 * by walking the Avro schema. Unknown fields are errors, so a typo never silently drops data.
 */
public final class FriendlyJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FriendlyJson() {
    }

    /**
     * What is wrong with text that is not JSON, in one line: where (the column, and the line when the text has several)
     * and Jackson's first clause, without its parenthesised "start marker at [Source: REDACTED …]" or a second line.
     */
    public static String notJson(JsonProcessingException e, boolean severalLines) {
        String what = e.getOriginalMessage().lines().findFirst().orElse("");
        int marker = what.indexOf(" (start marker");
        what = marker < 0 ? what : what.substring(0, marker);
        JsonLocation at = e.getLocation();
        String where = at == null || at.getColumnNr() < 1 ? ""
                : severalLines ? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : " at column " + at.getColumnNr();
        return "not valid JSON" + where + ": " + what;
    }

    public static <T extends SpecificRecord> T read(JsonNode json, Class<T> type) throws EventFormatException {
        SpecificData model = SpecificData.getForClass(type);
        Schema schema = model.getSchema(type);
        JsonNode avroJson = toAvroJson(json, schema, "");
        try {
            SpecificDatumReader<T> reader = new SpecificDatumReader<>(schema, schema, model);
            return reader.read(null, DecoderFactory.get().jsonDecoder(schema, JSON.writeValueAsString(avroJson)));
        } catch (IOException | RuntimeException e) {
            throw new EventFormatException("does not fit " + schema.getName() + ": " + e.getMessage());
        }
    }

    static JsonNode toAvroJson(JsonNode in, Schema s, String path) throws EventFormatException {
        switch (s.getType()) {
            case RECORD -> {
                if (!in.isObject()) {
                    throw new EventFormatException(where(path) + "must be a JSON object");
                }
                for (Iterator<String> it = in.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    if (s.getField(name) == null) {
                        throw new EventFormatException("unknown field '" + join(path, name) + "' (the fields of "
                                + s.getName() + " are " + s.getFields().stream().map(Schema.Field::name).toList() + ")");
                    }
                }
                ObjectNode out = NODES.objectNode();
                for (Schema.Field f : s.getFields()) {
                    JsonNode value = in.get(f.name());
                    if (value == null) {
                        if (!f.hasDefaultValue()) {
                            throw new EventFormatException("field '" + join(path, f.name()) + "' is missing: " + f.doc());
                        }
                        out.set(f.name(), defaultOf(f));
                    } else {
                        out.set(f.name(), toAvroJson(value, f.schema(), join(path, f.name())));
                    }
                }
                return out;
            }
            case UNION -> {
                if (in.isNull()) {
                    if (s.getTypes().stream().noneMatch(t -> t.getType() == Schema.Type.NULL)) {
                        throw new EventFormatException(where(path) + "may not be null");
                    }
                    return NODES.nullNode();
                }
                EventFormatException last = null;
                for (Schema branch : s.getTypes()) {
                    if (branch.getType() == Schema.Type.NULL) {
                        continue;
                    }
                    try {
                        return NODES.objectNode().set(branchName(branch), toAvroJson(in, branch, path));
                    } catch (EventFormatException e) {
                        last = e;
                    }
                }
                throw last != null ? last : new EventFormatException(where(path) + "has no usable type");
            }
            case ENUM -> {
                String symbol = in.isTextual() ? in.asText().trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_') : null;
                if (symbol == null || !s.getEnumSymbols().contains(symbol)) {
                    throw new EventFormatException(where(path) + "is " + in + "; use one of " + s.getEnumSymbols());
                }
                return NODES.textNode(symbol);
            }
            case STRING -> {
                if (!in.isTextual()) {
                    throw new EventFormatException(where(path) + "must be a string, not " + in);
                }
                return in;
            }
            case LONG -> {
                if (s.getLogicalType() instanceof LogicalTypes.TimestampMillis && in.isTextual()) {
                    try {
                        return NODES.numberNode(Instant.parse(in.asText()).toEpochMilli());
                    } catch (DateTimeParseException e) {
                        throw new EventFormatException(where(path) + "'" + in.asText()
                                + "' is not an ISO-8601 UTC time such as 2024-03-01T10:15:30Z");
                    }
                }
                if (!in.canConvertToLong() || !in.isIntegralNumber()) {
                    throw new EventFormatException(where(path) + "must be a whole number" + (s.getLogicalType() != null
                            ? " or an ISO-8601 time" : "") + ", not " + in);
                }
                return in;
            }
            case INT -> {
                if (!in.isIntegralNumber() || !in.canConvertToInt()) {
                    throw new EventFormatException(where(path) + "must be a whole number, not " + in);
                }
                return in;
            }
            case DOUBLE, FLOAT -> {
                if (!in.isNumber()) {
                    throw new EventFormatException(where(path) + "must be a number, not " + in);
                }
                return NODES.numberNode(in.asDouble());
            }
            case BOOLEAN -> {
                if (!in.isBoolean()) {
                    throw new EventFormatException(where(path) + "must be true or false, not " + in);
                }
                return in;
            }
            case ARRAY -> {
                if (!in.isArray()) {
                    throw new EventFormatException(where(path) + "must be a JSON array");
                }
                ArrayNode out = NODES.arrayNode();
                int i = 0;
                for (JsonNode e : in) {
                    out.add(toAvroJson(e, s.getElementType(), path + "[" + i++ + "]"));
                }
                return out;
            }
            case MAP -> {
                if (!in.isObject()) {
                    throw new EventFormatException(where(path) + "must be a JSON object");
                }
                ObjectNode out = NODES.objectNode();
                for (Map.Entry<String, JsonNode> e : in.properties()) {
                    out.set(e.getKey(), toAvroJson(e.getValue(), s.getValueType(), join(path, e.getKey())));
                }
                return out;
            }
            default -> throw new EventFormatException(where(path) + "has an unsupported type " + s.getType());
        }
    }

    private static JsonNode defaultOf(Schema.Field f) {
        Object v = f.defaultVal();
        if (v == JsonProperties.NULL_VALUE || v == null) {
            return NODES.nullNode();
        }
        return JSON.valueToTree(v);
    }

    private static String branchName(Schema s) {
        return switch (s.getType()) {
            case RECORD, ENUM, FIXED -> s.getFullName();
            default -> s.getType().getName();
        };
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String where(String path) {
        return path.isEmpty() ? "the event " : "field '" + path + "' ";
    }
}
