package eu.portalliance.topology.rules;

import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.EntityType;
import eu.portalliance.topology.avro.Sighting;
import java.util.Optional;

/**
 * An entity rule, as a pattern in two sightings of one entity within the correlation window. A case is a connected set
 * of such findings, so what it holds depends only on which pairs exist, never on the order they arrived in.
 */
public interface PairRule extends Rule {
    /** The kind of finding, for the case's type when this rule leads it. */
    AlertType type();

    /**
     * Whether a sighting of an entity of {@code entity}'s type can take part in this rule's findings. This is where
     * base rates are decided: what is routine at volume is not relevant at all.
     */
    boolean relevant(EntityType entity, Sighting s);

    /**
     * What the rule finds in two relevant sightings of one entity, within the correlation window of each other, in
     * either order; empty when nothing.
     */
    Optional<String> finds(EntityType entity, Sighting a, Sighting b, Neighbours neighbours);

    /** Alliance ports close enough for a container to move between them by road within hours. */
    @FunctionalInterface
    interface Neighbours {
        boolean near(String port, String other);

        Neighbours NONE = (a, b) -> false;
    }
}
