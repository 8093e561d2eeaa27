package eu.portalliance.topology.query;

import java.time.Instant;

/** Seizures on one route in one surge window. */
public record RouteWeek(String route, Instant windowStart, int seizures, double kg) {
}
