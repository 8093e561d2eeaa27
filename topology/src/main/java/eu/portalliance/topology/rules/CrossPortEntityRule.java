package eu.portalliance.topology.rules;

import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.SubjectType;
import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.avro.SightingKind;
import java.util.Optional;

/**
 * R1 v2: the same container, bill of lading, vessel or party at two alliance ports within the window, where that is
 * unusual. Version 2 weighs base rates: a container or bill of lading needs a seizure at each port (a suspicion with a
 * seizure is C1; two suspicions of one box are what harmonised targeting does by design); a vessel needs seizures at
 * both ports, because big carriers' vessels are flagged at every port of their rotation; a party needs seizures, or a
 * seizure and a warning about that party itself, because big importers are flagged at many ports as a matter of course.
 */
public final class CrossPortEntityRule implements PairRule {
    @Override
    public String id() {
        return "R1";
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public String description() {
        return "Same container, bill of lading, vessel or party seized at two alliance ports within the window "
                + "(for a party: or seized at one and the subject of a warning at the other)";
    }

    @Override
    public AlertType type() {
        return AlertType.CROSS_PORT_ENTITY;
    }

    @Override
    public boolean relevant(EntityType entity, Sighting s) {
        return s.getKind() == SightingKind.SEIZURE
                || (entity == EntityType.PARTY && s.getSubject() == SubjectType.PARTY);
    }

    @Override
    public Optional<String> finds(EntityType entity, Sighting a, Sighting b, Neighbours neighbours) {
        if (a.getPort().equals(b.getPort()) || !relevant(entity, a) || !relevant(entity, b)) {
            return Optional.empty();
        }
        boolean seizures = a.getKind() == SightingKind.SEIZURE && b.getKind() == SightingKind.SEIZURE;
        if (!seizures && (a.getKind() == SightingKind.SEIZURE) == (b.getKind() == SightingKind.SEIZURE)) {
            return Optional.empty();
        }
        String first = a.getPort().compareTo(b.getPort()) < 0 ? a.getPort() : b.getPort();
        String second = first.equals(a.getPort()) ? b.getPort() : a.getPort();
        return Optional.of(seizures ? "seized at " + first + " and " + second
                : "seized at " + seizurePort(a, b) + ", warned about at " + (seizurePort(a, b).equals(a.getPort()) ? b.getPort() : a.getPort()));
    }

    private static String seizurePort(Sighting a, Sighting b) {
        return a.getKind() == SightingKind.SEIZURE ? a.getPort() : b.getPort();
    }
}
