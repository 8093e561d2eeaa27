package eu.portalliance.topology.rules;

import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.EntityType;
import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.avro.SightingKind;
import java.util.Optional;

/**
 * C1: a suspicion raised at one port confirmed by a seizure of the same container or bill of lading at another port,
 * in either order.
 */
public final class SuspicionConfirmedRule implements PairRule {
    @Override
    public String id() {
        return "C1";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String description() {
        return "Suspicion at one port confirmed by a seizure of the same container or bill of lading at another port";
    }

    @Override
    public AlertType type() {
        return AlertType.SUSPICION_CONFIRMED;
    }

    @Override
    public boolean relevant(EntityType entity, Sighting s) {
        return entity == EntityType.CONTAINER || entity == EntityType.BILL_OF_LADING;
    }

    @Override
    public Optional<String> finds(EntityType entity, Sighting a, Sighting b, Neighbours neighbours) {
        if (!relevant(entity, a) || a.getPort().equals(b.getPort()) || a.getKind() == b.getKind()) {
            return Optional.empty();
        }
        Sighting suspicion = a.getKind() == SightingKind.SUSPICION ? a : b;
        Sighting seizure = suspicion == a ? b : a;
        return Optional.of("suspicion at " + suspicion.getPort() + " confirmed by a seizure at " + seizure.getPort());
    }
}
