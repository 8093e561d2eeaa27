package eu.portalliance.topology.query;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** An entity's recent sightings across ports, oldest first. */
public record EntitySightings(String entityType, String entityId, SortedSet<String> ports, List<SightingView> sightings) {
    public static EntitySightings of(EntityRef entity, List<SightingView> sightings) {
        SortedSet<String> ports = new TreeSet<>();
        sightings.forEach(s -> ports.add(s.port()));
        return new EntitySightings(entity.type().name(), entity.id(), ports, List.copyOf(sightings));
    }
}
