package eu.portalliance.topology.rules;

import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.Severity;
import java.util.List;
import java.util.Map;

/**
 * What a rule found, before severity modifiers and handling codes turn it into an alert.
 *
 * @param identity what makes two findings the same finding: the alert id is derived from it, so a replay never
 *                 raises a second alert
 */
public record Finding(
        Rule rule,
        AlertType type,
        Severity baseSeverity,
        List<String> reasons,
        EntityType entityType,
        String entityId,
        Evidence evidence,
        List<String> addressedTo,
        String summary,
        String recommendedAction,
        Map<String, String> attributes,
        String identity) {
}
