package eu.portalliance.topology.query;

import eu.portalliance.avro.EntityType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * An entity the alliance correlates on: a container, bill of lading, vessel (IMO), party (its {@code PartyKeys} key) or
 * route. Its store key carries the type, so a container and a vessel with the same text never collide; the type is one
 * letter because the key travels with every sighting (repartition topic, store, changelog).
 */
public record EntityRef(EntityType type, String id) {
    private static final char SEPARATOR = ':';
    private static final String ROUTINE = "|routine";
    private static final Map<EntityType, Character> CODES = new EnumMap<>(Map.of(
            EntityType.CONTAINER, 'C', EntityType.BILL_OF_LADING, 'B', EntityType.VESSEL, 'V', EntityType.PARTY, 'P',
            EntityType.ROUTE, 'R', EntityType.ORIGIN, 'O', EntityType.OTHER, 'X'));

    public EntityRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    /** The key sightings are partitioned and stored by, e.g. {@code C:CSQU3054383}. */
    public String storeKey() {
        return CODES.get(type) + String.valueOf(SEPARATOR) + id;
    }

    /**
     * Where the sightings store keeps an entity's sightings that no rule can use (the routine ones), apart from those
     * the rules pair: pairing then reads only what it can pair, however often the entity is routinely flagged. The
     * suffix sorts after every timestamp the store appends to a key, so a fetch of the plain key never meets it.
     */
    public static String routineKey(String storeKey) {
        return storeKey + ROUTINE;
    }

    public static EntityRef fromStoreKey(String key) {
        if (key.length() < 2 || key.charAt(1) != SEPARATOR) {
            throw new IllegalArgumentException("not an entity key: " + key);
        }
        for (Map.Entry<EntityType, Character> code : CODES.entrySet()) {
            if (code.getValue() == key.charAt(0)) {
                return new EntityRef(code.getKey(), key.substring(2));
            }
        }
        throw new IllegalArgumentException("not an entity key: " + key);
    }
}
