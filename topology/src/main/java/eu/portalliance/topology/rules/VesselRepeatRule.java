package eu.portalliance.topology.rules;

import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.Severity;
import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.avro.SightingKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * R12: repeated seizures on one vessel within the window: warn the vessel's next ports of call, which are where
 * the rest of the load (or the next one) arrives.
 */
public final class VesselRepeatRule implements EntityRule {
    private final int threshold;

    public VesselRepeatRule(int threshold) {
        this.threshold = threshold;
    }

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

    /** Fires only on a seizure on a vessel that already has enough other seizures within the window. */
    @Override
    public Gate gate(Sighting latest) {
        if (latest.getEntityType() != EntityType.VESSEL || latest.getKind() != SightingKind.SEIZURE) {
            return Gate.NEVER;
        }
        return new Gate() {
            private int seizures = 1;

            @Override
            public Decision see(Sighting related) {
                if (related.getKind() == SightingKind.SEIZURE) {
                    seizures++;
                }
                return seizures >= threshold ? Decision.MAY_FIRE : Decision.UNDECIDED;
            }

            @Override
            public Decision finish() {
                return seizures >= threshold ? Decision.MAY_FIRE : Decision.WONT_FIRE;
            }
        };
    }

    @Override
    public Optional<Finding> evaluate(Sighting latest, List<Sighting> related) {
        if (latest.getEntityType() != EntityType.VESSEL || latest.getKind() != SightingKind.SEIZURE) {
            return Optional.empty();
        }
        List<Sighting> seizures = Sightings.seizures(Sightings.with(related, latest));
        if (seizures.size() < threshold) {
            return Optional.empty();
        }
        Set<String> next = new LinkedHashSet<>(latest.getNextPortsOfCall());
        for (int i = seizures.size() - 1; i >= 0 && next.isEmpty(); i--) {
            next.addAll(seizures.get(i).getNextPortsOfCall());
        }
        double kg = seizures.stream().mapToDouble(Sighting::getKilograms).sum();
        Severity severity = seizures.size() > threshold ? Severity.CRITICAL : Severity.HIGH;
        List<String> ids = new ArrayList<>(seizures.stream().map(Sighting::getEventId).sorted().toList());
        String summary = String.format("Vessel IMO %s: %d seizures (%.1f kg) within the window at %s; next ports of call %s",
                latest.getEntityId(), seizures.size(), kg, Sightings.ports(seizures), next.isEmpty() ? "unknown" : next);
        return Optional.of(new Finding(this, AlertType.VESSEL_REPEAT, severity,
                List.of(seizures.size() + " seizures on one vessel"),
                EntityType.VESSEL, latest.getEntityId(), Evidence.of(seizures), List.copyOf(next), summary,
                "Targeted search of the vessel's containers from the same origin at the next port of call",
                Map.of("seizureCount", Integer.toString(seizures.size())),
                "VESSEL:" + latest.getEntityId() + ":" + String.join(",", ids)));
    }
}
