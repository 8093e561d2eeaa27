package eu.portalliance.connect;

import eu.portalliance.avro.Agency;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.Indicator;
import eu.portalliance.avro.RequestedAction;
import eu.portalliance.avro.Route;
import eu.portalliance.avro.SubjectType;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.ids.UnLocode;
import eu.portalliance.topics.Topics;
import eu.portalliance.topics.Topics.DlqHeaders;
import eu.portalliance.validation.EventChecks;
import eu.portalliance.validation.RejectReason;
import eu.portalliance.validation.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Turns a Debezium change event of a port's {@code suspicious_containers} row into the alliance's
 * SuspiciousContainerEvent on {@code ports.<LOCODE>.suspicious.v1}, checked with the alliance's own rules. A row that
 * fails them goes to {@code alliance.dlq.v1} (as JSON, with the reason in headers), never silently dropped. Deletes
 * carry no alliance meaning and are skipped.
 *
 * <p>Columns: container_number, bill_of_lading, vessel_imo, indicators (comma-separated), local_score, action,
 * port_of_loading, next_ports (comma-separated), handling_code, flagged_at, note — and id, which makes the event id
 * {@code <LOCODE>-TOS-<id>}.
 */
public final class SuspiciousRowToEvent<R extends ConnectRecord<R>> implements Transformation<R> {
    public static final String PORT = "port";
    private static final ConfigDef CONFIG = new ConfigDef()
            .define(PORT, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "UN/LOCODE of the port whose database this is.");

    private String port;

    @Override
    public void configure(Map<String, ?> configs) {
        port = new AbstractConfig(CONFIG, configs).getString(PORT);
        UnLocode.problem(port).ifPresent(p -> {
            throw new ConfigException(PORT, port, p);
        });
    }

    @Override
    public R apply(R record) {
        if (!(record.value() instanceof Struct envelope) || envelope.schema().field("after") == null) {
            return null;
        }
        Struct row = envelope.getStruct("after");
        if (row == null) {
            return null;
        }
        try {
            SuspiciousContainerEvent event = toEvent(row);
            EventChecks.suspicion(event, port, System.currentTimeMillis(), Duration.ofHours(24));
            return record.newRecord(Topics.suspicious(port), null, null, event.getContainerNumber(), null, event, record.timestamp());
        } catch (ValidationException e) {
            return deadLetter(record, row, e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            return deadLetter(record, row, RejectReason.INVALID_VALUE, "row does not map to an alliance event: " + e.getMessage());
        }
    }

    private SuspiciousContainerEvent toEvent(Struct row) {
        Instant flagged = instant(row.get("flagged_at"));
        String origin = text(row, "port_of_loading");
        return SuspiciousContainerEvent.newBuilder()
                .setEventId(port + "-TOS-" + row.get("id"))
                .setReportingPort(port)
                .setAgency(Agency.TERMINAL_OPERATOR)
                .setEventTime(flagged)
                .setSubjectType(SubjectType.CONTAINER)
                .setContainerNumber(upper(text(row, "container_number")))
                .setBillOfLading(text(row, "bill_of_lading"))
                .setVesselImo(text(row, "vessel_imo"))
                .setRoute(origin == null ? null : Route.newBuilder().setPortOfLoading(upper(origin)).setTransshipmentPorts(List.of()).build())
                .setIndicators(list(text(row, "indicators")).stream().map(Indicator::valueOf).toList())
                .setLocalScore(row.schema().field("local_score") == null || row.get("local_score") == null ? 0.5
                        : ((Number) row.get("local_score")).doubleValue())
                .setAction(RequestedAction.valueOf(orDefault(text(row, "action"), "SCAN")))
                .setNextPortsOfCall(list(text(row, "next_ports")))
                .setHandlingCode(HandlingCode.valueOf(orDefault(text(row, "handling_code"), "TLP_AMBER")))
                .setNote(text(row, "note"))
                .build();
    }

    private R deadLetter(R record, Struct row, RejectReason reason, String message) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString(DlqHeaders.REASON, reason.name());
        headers.addString(DlqHeaders.MESSAGE, message.replace('\n', ' '));
        headers.addString(DlqHeaders.SOURCE_TOPIC, record.topic());
        StringBuilder json = new StringBuilder("{");
        for (Field f : row.schema().fields()) {
            Object v = row.get(f);
            json.append(json.length() > 1 ? "," : "").append('"').append(f.name()).append("\":")
                    .append(v == null ? "null" : '"' + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        byte[] value = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        return record.newRecord(Topics.DLQ, null, null, null, null, value, record.timestamp(), headers);
    }

    private static String text(Struct row, String column) {
        if (row.schema().field(column) == null) {
            return null;
        }
        Object v = row.get(column);
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String orDefault(String s, String fallback) {
        return s == null ? fallback : s.toUpperCase(Locale.ROOT);
    }

    private static List<String> list(String csv) {
        return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }

    /** Debezium gives timestamptz as an ISO string (ZonedTimestamp) and timestamp as epoch micros or millis. */
    private static Instant instant(Object v) {
        if (v == null) {
            throw new ValidationException(RejectReason.MISSING_FIELD, "flagged_at is missing: every row needs the time it was flagged");
        }
        if (v instanceof String s) {
            return OffsetDateTime.parse(s).toInstant();
        }
        if (v instanceof java.util.Date d) {
            return d.toInstant();
        }
        long n = ((Number) v).longValue();
        return n > 100_000_000_000_000L ? Instant.ofEpochMilli(n / 1000) : Instant.ofEpochMilli(n);
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void close() {
    }
}
