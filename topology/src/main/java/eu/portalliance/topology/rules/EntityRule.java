package eu.portalliance.topology.rules;

import eu.portalliance.topology.avro.Sighting;
import java.util.List;
import java.util.Optional;

/** A rule over one entity's sightings: the new one, and the others within the correlation window. */
public interface EntityRule extends Rule {
    /**
     * @param latest  the sighting just seen (never a replay of one in {@code related})
     * @param related the entity's other sightings within the window of {@code latest}, oldest first
     */
    Optional<Finding> evaluate(Sighting latest, List<Sighting> related);

    /** Decides, without the whole history, whether {@link #evaluate} can find anything for {@code latest}. */
    default Gate gate(Sighting latest) {
        return Gate.ALWAYS;
    }
}
