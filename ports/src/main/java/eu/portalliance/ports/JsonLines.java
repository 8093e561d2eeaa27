package eu.portalliance.ports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import org.apache.avro.specific.SpecificRecord;

/**
 * One event per line: a JSON object with {@code "type": "seizure"}, {@code "suspicion"} or {@code "arrival"} and the contract's
 * fields. {@code reportingPort} may be left out: it is the publishing port.
 */
public final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    public static SpecificRecord parse(String line, String port) throws EventFormatException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new EventFormatException(FriendlyJson.notJson(e, false) + "; each line must be one complete JSON object");
        }
        if (node == null || !node.isObject()) {
            throw new EventFormatException("not a JSON object");
        }
        ObjectNode event = ((ObjectNode) node).deepCopy();
        JsonNode type = event.remove("type");
        if (!event.has("reportingPort")) {
            event.put("reportingPort", port);
        }
        String kind = type == null ? "" : type.asText();
        return switch (kind) {
            case "seizure" -> FriendlyJson.read(event, SeizureReport.class);
            case "suspicion", "suspicious" -> FriendlyJson.read(event, SuspiciousContainerEvent.class);
            case "arrival" -> FriendlyJson.read(event, ArrivalNotice.class);
            default -> throw new EventFormatException("\"type\" is " + (type == null ? "missing" : "'" + kind + "'")
                    + ": use \"seizure\", \"suspicion\" or \"arrival\"");
        };
    }
}
