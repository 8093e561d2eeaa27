package eu.portalliance.topology.screening;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.CaseStatus;
import eu.portalliance.avro.EntityType;
import eu.portalliance.topology.avro.IntelligenceFact;
import eu.portalliance.topology.avro.IntelligenceKind;
import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.avro.SightingKind;
import eu.portalliance.topology.query.EntityRef;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * What screening needs to know about an entity, kept per entity and kind (the latest seizure, the latest suspicion,
 * the latest case), so the screening state grows with the entities the alliance has seen, not with arrivals.
 */
public final class IntelligenceFacts {
    private static final char SEPARATOR = '|';

    private IntelligenceFacts() {
    }

    /** The key of an entity's fact of one kind, e.g. {@code C:MSCU7301240|SEIZURE}. */
    public static String key(String entityStoreKey, IntelligenceKind kind) {
        return entityStoreKey + SEPARATOR + kind.name();
    }

    /**
     * Whether {@code incoming} takes the place of {@code stored} under the same key. An entity's seizures and suspicions
     * are written by whichever task read their port's event, in no fixed order: the newest by event time stands (the
     * larger source id on a tie), so the store holds the same facts whatever order the partitions were read in. A
     * case's revisions are written in order by the one task that makes them: the last one stands.
     */
    public static boolean replaces(IntelligenceFact incoming, IntelligenceFact stored) {
        if (incoming.getKind() == IntelligenceKind.CASE || stored.getKind() == IntelligenceKind.CASE) {
            return true;
        }
        int byTime = incoming.getEventTime().compareTo(stored.getEventTime());
        return byTime > 0 || byTime == 0 && incoming.getSourceId().compareTo(stored.getSourceId()) >= 0;
    }

    public static KeyValue<String, IntelligenceFact> ofSighting(String entityStoreKey, Sighting s) {
        IntelligenceKind kind = s.getKind() == SightingKind.SEIZURE ? IntelligenceKind.SEIZURE : IntelligenceKind.SUSPICION;
        return KeyValue.pair(key(entityStoreKey, kind), new IntelligenceFact(kind, s.getEventId(), List.of(s.getPort()),
                s.getEventTime(), s.getHandlingCode(), s.getSharedWith(), true));
    }

    /**
     * A case's latest word: open, or (merged, withdrawn) no longer counting. An entity case is kept under its entity, a
     * route case under its route: a surge (R13) under its port of loading → port, a displacement (R14) under its
     * origin country → port. Origin-wide findings name no route and are not kept.
     */
    public static List<KeyValue<String, IntelligenceFact>> ofCase(Alert a) {
        if (a.getEntityType() == EntityType.ORIGIN || a.getEntityType() == EntityType.OTHER) {
            return List.of();
        }
        List<String> shared = new ArrayList<>(a.getAddressedTo());
        shared.addAll(a.getNamedRecipients());
        EntityRef entity = new EntityRef(a.getEntityType(), a.getEntityId());
        return List.of(KeyValue.pair(key(entity.storeKey(), IntelligenceKind.CASE), new IntelligenceFact(IntelligenceKind.CASE,
                a.getAlertId(), a.getPorts(), a.getRaisedAt(), a.getHandlingCode(), shared,
                a.getStatus() == CaseStatus.OPEN)));
    }

}
