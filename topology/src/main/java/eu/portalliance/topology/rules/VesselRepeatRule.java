package eu.portalliance.topology.rules;

import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.EntityType;
import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.avro.SightingKind;
import java.util.Optional;

/**
 * R12: repeated seizures on one vessel within the window: warn the vessel's next ports of call, which are where the
 * rest of the load (or the next one) arrives. Flags on a vessel are not seizures: big carriers are flagged at every port.
 */
public final class VesselRepeatRule implements PairRule {
    @Override
    public String id() {
        return "R12";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String description() {
        return "Repeated seizures on one vessel within the window: warn its next ports of call";
    }

    @Override
    public AlertType type() {
        return AlertType.VESSEL_REPEAT;
    }

    @Override
    public boolean relevant(EntityType entity, Sighting s) {
        return entity == EntityType.VESSEL && s.getKind() == SightingKind.SEIZURE;
    }

    @Override
    public Optional<String> finds(EntityType entity, Sighting a, Sighting b, Neighbours neighbours) {
        return relevant(entity, a) && relevant(entity, b) ? Optional.of("seizures at " + a.getPort()
                + (a.getPort().equals(b.getPort()) ? " twice" : " and " + b.getPort()) + " on one vessel") : Optional.empty();
    }
}
