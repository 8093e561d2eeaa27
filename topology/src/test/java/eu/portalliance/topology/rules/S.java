package eu.portalliance.topology.rules;

import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.Indicator;
import eu.portalliance.avro.DrugType;
import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.avro.SightingKind;
import java.time.Instant;
import java.util.List;

/** Sightings for rule unit tests. */
final class S {
    static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");

    private S() {
    }

    static Sighting.Builder seizure(String id, String port, long hours) {
        return base(id, port, hours).setKind(SightingKind.SEIZURE).setKilograms(100).setDrugType(DrugType.COCAINE);
    }

    static Sighting.Builder suspicion(String id, String port, long hours) {
        return base(id, port, hours).setKind(SightingKind.SUSPICION).setIndicators(List.of(Indicator.SEAL_MISMATCH));
    }

    private static Sighting.Builder base(String id, String port, long hours) {
        return Sighting.newBuilder().setEventId(id).setPort(port)
                .setEventTime(T0.plusSeconds(hours * 3600)).setHandlingCode(HandlingCode.TLP_GREEN)
                .setKind(SightingKind.SEIZURE);
    }
}
