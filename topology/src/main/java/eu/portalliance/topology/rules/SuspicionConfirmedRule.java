package eu.portalliance.topology.rules;

import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.Severity;
import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.avro.SightingKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * C1: a suspicion raised at one port confirmed by a seizure of the same container or bill of lading at another
 * port, in either order. The finding is the pair of events, so matching on both the container and its bill of
 * lading raises one alert, not two.
 */
public final class SuspicionConfirmedRule implements EntityRule {
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

    /** Fires only on a container or bill of lading with a counterpart of the other kind at another port. */
    @Override
    public Gate gate(Sighting latest) {
        if (latest.getEntityType() != EntityType.CONTAINER && latest.getEntityType() != EntityType.BILL_OF_LADING) {
            return Gate.NEVER;
        }
        return new Gate() {
            @Override
            public Decision see(Sighting related) {
                return isCounterpart(latest, related) ? Decision.MAY_FIRE : Decision.UNDECIDED;
            }

            @Override
            public Decision finish() {
                return Decision.WONT_FIRE;
            }
        };
    }

    @Override
    public Optional<Finding> evaluate(Sighting latest, List<Sighting> related) {
        if (latest.getEntityType() != EntityType.CONTAINER && latest.getEntityType() != EntityType.BILL_OF_LADING) {
            return Optional.empty();
        }
        List<Sighting> counterparts = related.stream().filter(s -> isCounterpart(latest, s)).toList();
        if (counterparts.isEmpty()) {
            return Optional.empty();
        }
        List<Sighting> sources = Sightings.with(counterparts, latest);
        if (latest.getEntityType() == EntityType.BILL_OF_LADING && Sightings.oneContainer(sources)) {
            // The container's own C1 finds this same pair; one partition makes each finding.
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>(sources.stream().map(Sighting::getEventId).sorted().toList());
        Sighting seizure = latest.getKind() == SightingKind.SEIZURE ? latest : counterparts.get(counterparts.size() - 1);
        String summary = Sightings.entityLabel(latest.getEntityType()) + " " + latest.getEntityId()
                + ": suspicion confirmed elsewhere — " + String.join("; ", sources.stream().map(Sightings::describe).toList());
        return Optional.of(new Finding(this, AlertType.SUSPICION_CONFIRMED, Severity.HIGH,
                List.of("suspicion at " + Sightings.ports(Sightings.with(counterparts, latest)) + " confirmed by a seizure at "
                        + seizure.getPort()),
                latest.getEntityType(), latest.getEntityId(), Evidence.of(sources), List.of(), summary,
                "Review the other containers of this shipper, consignee and route; the warning was right",
                Map.of(), "pair:" + String.join(",", ids)));
    }

    private static boolean isCounterpart(Sighting latest, Sighting s) {
        SightingKind other = latest.getKind() == SightingKind.SEIZURE ? SightingKind.SUSPICION : SightingKind.SEIZURE;
        return s.getKind() == other && !s.getPort().equals(latest.getPort());
    }
}
