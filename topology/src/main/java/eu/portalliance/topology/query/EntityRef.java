package eu.portalliance.topology.query;

import eu.portalliance.avro.EntityType;
import java.util.Objects;

/**
 * An entity the alliance correlates on: a container, bill of lading, vessel (IMO), party (its {@code PartyKeys} key) or
 * route. Its store key carries the type, so a container and a vessel with the same text never collide.
 */
public record EntityRef(EntityType type, String id) {
    private static final char SEPARATOR = ':';

    public EntityRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    /** The key sightings are partitioned and stored by. */
    public String storeKey() {
        return type.name() + SEPARATOR + id;
    }

    public static EntityRef fromStoreKey(String key) {
        int at = key.indexOf(SEPARATOR);
        if (at <= 0) {
            throw new IllegalArgumentException("not an entity key: " + key);
        }
        return new EntityRef(EntityType.valueOf(key.substring(0, at)), key.substring(at + 1));
    }
}
