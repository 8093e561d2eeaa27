package eu.portalliance.topology.rules;

import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.EntityType;
import eu.portalliance.topology.avro.Sighting;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * R6: one container number active at two places at once: seen at two alliance ports that are not neighbours (a truck
 * can move a box from Antwerp to Rotterdam in hours, a ship cannot bring it from Antwerp to Sines) within less time
 * than the sea between them takes. A cloned number lets a second box with drugs pass as a legitimate one. Two sightings
 * that name the same vessel are one box carried on board (flags are often raised before the box is physically there),
 * never a clone.
 */
public final class CloneContainerRule implements PairRule {
    private final long within;

    /** @param within the shortest sea passage between alliance ports that are not neighbours */
    public CloneContainerRule(Duration within) {
        this.within = within.toMillis();
    }

    @Override
    public String id() {
        return "R6";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String description() {
        return "One container number at two alliance ports that are not neighbours, closer in time than any passage between them";
    }

    @Override
    public AlertType type() {
        return AlertType.CLONE_CONTAINER;
    }

    @Override
    public boolean relevant(EntityType entity, Sighting s) {
        return entity == EntityType.CONTAINER;
    }

    @Override
    public Optional<String> finds(EntityType entity, Sighting a, Sighting b, Neighbours neighbours) {
        long apart = Math.abs(a.getEventTime().toEpochMilli() - b.getEventTime().toEpochMilli());
        if (!relevant(entity, a) || a.getPort().equals(b.getPort()) || apart >= within || neighbours.near(a.getPort(), b.getPort())
                || (a.getVesselImo() != null && a.getVesselImo().equals(b.getVesselImo()))) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "at %s and %s %.1f h apart: one number, two boxes", a.getPort(), b.getPort(), apart / 3_600_000.0));
    }
}
