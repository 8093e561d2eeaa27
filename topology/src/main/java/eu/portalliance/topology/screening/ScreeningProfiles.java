package eu.portalliance.topology.screening;

import eu.portalliance.avro.ScreeningProfile;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The profile versions, and which one judges a notice: the latest version in force at the notice's own time. */
public final class ScreeningProfiles {
    /**
     * The alliance's first profile, seeded as version 1 on a new alliance. Hubs: the main transshipment ports of the
     * cocaine routes (Manzanillo and Balboa in Panama, Caucedo, Kingston, Cartagena, Tanger Med); cover goods: fresh
     * fruit, coffee and cocoa, the commonest cover in the founding ports' seizures.
     */
    public static ScreeningProfile initial() {
        return ScreeningProfile.newBuilder().setVersion(1).setValidFrom(Instant.parse("2000-01-01T00:00:00Z"))
                .setTransshipmentHubs(List.of("PAMIT", "PABLB", "DOCAU", "JMKIN", "COCTG", "MAPTM"))
                .setConcealmentHsPrefixes(List.of("0803", "0804", "0805", "0901", "1801"))
                .setNote("initial alliance profile").build();
    }

    private ScreeningProfiles() {
    }

    /** Of these versions, the one in force at {@code timeMs} (the topology's screener and profile show). */
    public static Optional<ScreeningProfile> inForce(Collection<ScreeningProfile> versions, long timeMs) {
        return versions.stream().filter(p -> p.getValidFrom().toEpochMilli() <= timeMs)
                .max(Comparator.comparing(ScreeningProfile::getValidFrom).thenComparingInt(ScreeningProfile::getVersion));
    }
}
