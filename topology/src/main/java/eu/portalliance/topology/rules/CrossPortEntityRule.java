package eu.portalliance.topology.rules;

import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.Severity;
import eu.portalliance.topology.avro.Sighting;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * R1: the same container, bill of lading, vessel or party flagged or seized at two or more different alliance
 * ports within the window. Fires each time the set of ports grows; three ports or more is HIGH.
 */
public final class CrossPortEntityRule implements EntityRule {
    @Override
    public String id() {
        return "R1";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String description() {
        return "Same container, bill of lading, vessel or party flagged or seized at two or more alliance ports within the window";
    }

    /** Fires only when the related sightings name ports, none of them the new sighting's. */
    @Override
    public Gate gate(Sighting latest) {
        return new Gate() {
            private boolean any;

            @Override
            public Decision see(Sighting related) {
                any = true;
                return related.getPort().equals(latest.getPort()) ? Decision.WONT_FIRE : Decision.UNDECIDED;
            }

            @Override
            public Decision finish() {
                return any ? Decision.MAY_FIRE : Decision.WONT_FIRE;
            }
        };
    }

    @Override
    public Optional<Finding> evaluate(Sighting latest, List<Sighting> related) {
        TreeSet<String> before = Sightings.ports(related);
        if (before.isEmpty() || before.contains(latest.getPort())) {
            return Optional.empty();
        }
        List<Sighting> sources = Sightings.with(related, latest);
        TreeSet<String> ports = Sightings.ports(sources);
        Severity severity = ports.size() >= 3 ? Severity.HIGH : Severity.MEDIUM;
        String label = Sightings.entityLabel(latest.getEntityType());
        String summary = label + " " + latest.getEntityId() + " seen at " + ports.size() + " alliance ports " + ports
                + ": " + String.join("; ", sources.stream().map(Sightings::describe).toList());
        return Optional.of(new Finding(this, AlertType.CROSS_PORT_ENTITY, severity,
                List.of("seen at " + ports.size() + " ports within the window"),
                latest.getEntityType(), latest.getEntityId(), Evidence.of(sources), List.of(), summary,
                "Check " + label.toLowerCase(java.util.Locale.ROOT) + " " + latest.getEntityId()
                        + " against the other ports' findings before release",
                Map.of("portCount", Integer.toString(ports.size())),
                latest.getEntityType() + ":" + latest.getEntityId() + ":" + String.join(",", ports)));
    }
}
