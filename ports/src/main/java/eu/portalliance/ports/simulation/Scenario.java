package eu.portalliance.ports.simulation;

import eu.portalliance.avro.EntityType;
import java.util.List;

/**
 * A smuggling pattern the simulator plants, with the alert a person should find for it.
 *
 * @param ruleId     the rule expected to fire
 * @param entityType the entity the expected alert is about
 * @param entityId   its id, as the alert shows it to the ports involved
 */
public record Scenario(String name, String description, String ruleId, EntityType entityType, String entityId,
                       List<String> eventIds) {
}
