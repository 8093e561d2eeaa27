package eu.portalliance.topology.screening;

import eu.portalliance.avro.ScreeningProfile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

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

    /** The version in force at {@code timeMs}: the highest validFrom not after it (the higher version on a tie). */
    public static Optional<ScreeningProfile> asOf(ReadOnlyKeyValueStore<String, ValueAndTimestamp<ScreeningProfile>> store, long timeMs) {
        ScreeningProfile best = null;
        try (KeyValueIterator<String, ValueAndTimestamp<ScreeningProfile>> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, ValueAndTimestamp<ScreeningProfile>> next = it.next();
                ScreeningProfile p = next.value == null ? null : next.value.value();
                if (p == null || p.getValidFrom().toEpochMilli() > timeMs) {
                    continue;
                }
                if (best == null || p.getValidFrom().isAfter(best.getValidFrom())
                        || (p.getValidFrom().equals(best.getValidFrom()) && p.getVersion() > best.getVersion())) {
                    best = p;
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
