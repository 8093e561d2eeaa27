package eu.portalliance.topology.alerts;

import eu.portalliance.avro.Alert;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Attributes the topology itself reads back from an alert, written and read here only. The contract keeps them as
 * strings in {@code attributes} (a map any consumer can show); this is the one place that knows their encoding.
 */
public final class AlertAttributes {
    /** Ports of loading among the sources, comma-separated. */
    static final String ORIGINS = "origins";
    /** What the rule that raised the alert looks for. */
    public static final String RULE_DESCRIPTION = "ruleDescription";

    private AlertAttributes() {
    }

    public static void putOrigins(Map<String, String> attributes, List<String> origins) {
        if (!origins.isEmpty()) {
            attributes.put(ORIGINS, String.join(",", origins));
        }
    }

    /** The ports of loading (LOCODEs, or countries) the alert's sources came from. */
    public static List<String> origins(Alert alert) {
        String joined = alert.getAttributes().getOrDefault(ORIGINS, "");
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
