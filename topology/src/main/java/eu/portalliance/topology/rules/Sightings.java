package eu.portalliance.topology.rules;

import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.avro.SightingKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Small helpers the rules and cases share. */
public final class Sightings {
    private Sightings() {
    }

    public static List<Sighting> with(List<Sighting> related, Sighting latest) {
        List<Sighting> all = new ArrayList<>(related);
        all.add(latest);
        all.sort(Comparator.comparing(Sighting::getEventTime).thenComparing(Sighting::getEventId));
        return all;
    }

    public static TreeSet<String> ports(List<Sighting> sightings) {
        TreeSet<String> ports = new TreeSet<>();
        sightings.forEach(s -> ports.add(s.getPort()));
        return ports;
    }

    public static List<Sighting> seizures(List<Sighting> sightings) {
        return sightings.stream().filter(s -> s.getKind() == SightingKind.SEIZURE).toList();
    }

    /** Whether every source is about one and the same container. */
    public static boolean oneContainer(List<Sighting> sources) {
        String container = sources.get(0).getContainerNumber();
        return container != null && sources.stream().allMatch(s -> container.equals(s.getContainerNumber()));
    }

    public static String describe(Sighting s) {
        return s.getKind() == SightingKind.SEIZURE
                ? String.format(Locale.ROOT, "seizure at %s (%.1f kg %s)", s.getPort(), s.getKilograms(),
                s.getDrugType() == null ? "" : s.getDrugType().name().toLowerCase(Locale.ROOT)).replace(" )", ")")
                : "suspicion at " + s.getPort() + " " + s.getIndicators();
    }

    public static String entityLabel(eu.portalliance.avro.EntityType type) {
        return switch (type) {
            case CONTAINER -> "Container";
            case BILL_OF_LADING -> "Bill of lading";
            case VESSEL -> "Vessel IMO";
            case PARTY -> "Party";
            case ROUTE -> "Route";
            default -> "Entity";
        };
    }
}
