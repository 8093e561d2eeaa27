package eu.portalliance.topology.query;

import java.time.Instant;
import java.util.List;

/** One sighting of an entity, as analysts see it: which port saw it when, in what kind of event. */
public record SightingView(String eventId, String kind, String port, Instant eventTime, String handlingCode,
                           double kilograms, String drugType, List<String> indicators, String originPort,
                           List<String> routeCodes, String containerNumber) {
}
