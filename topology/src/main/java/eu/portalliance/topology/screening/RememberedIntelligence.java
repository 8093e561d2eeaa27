package eu.portalliance.topology.screening;

import eu.portalliance.topology.avro.IntelligenceFact;
import eu.portalliance.topology.avro.IntelligenceKind;
import eu.portalliance.topology.reference.ReferenceChanges;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The intelligence store as one stream thread reads it, each entity read once until the store next changes. A vessel
 * call names one vessel, a few routes and a few hundred parties thousands of times over; reading them from the store
 * for every container (three keys an entity, nearly all absent) was most of what screening cost.
 */
final class RememberedIntelligence implements Screening.Intelligence {
    /** Bounds the memory: past this many entities, start afresh (a vessel call's unique containers fill it). */
    static final int MAX_ENTITIES = 20_000;

    private final ReadOnlyKeyValueStore<String, IntelligenceFact> store;
    private final ReferenceChanges changes;
    private final Map<String, List<IntelligenceFact>> facts = new HashMap<>();
    private final Map<String, List<IntelligenceFact>> cases = new HashMap<>();
    private long readAtChange = -1;

    RememberedIntelligence(ReadOnlyKeyValueStore<String, IntelligenceFact> store, ReferenceChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    @Override
    public List<IntelligenceFact> about(String entityStoreKey) {
        return fresh(facts).computeIfAbsent(entityStoreKey, this::read);
    }

    @Override
    public List<IntelligenceFact> caseOf(String entityStoreKey) {
        return fresh(cases).computeIfAbsent(entityStoreKey, entity -> {
            IntelligenceFact open = store.get(IntelligenceFacts.key(entity, IntelligenceKind.CASE));
            return open == null ? List.of() : List.of(open);
        });
    }

    private Map<String, List<IntelligenceFact>> fresh(Map<String, List<IntelligenceFact>> remembered) {
        long now = changes.current();
        if (now != readAtChange) {
            facts.clear();
            cases.clear();
            readAtChange = now;
        } else if (remembered.size() >= MAX_ENTITIES) {
            remembered.clear();
        }
        return remembered;
    }

    private List<IntelligenceFact> read(String entityStoreKey) {
        List<IntelligenceFact> out = new ArrayList<>(1);
        for (String key : Screening.factKeys(entityStoreKey)) {
            IntelligenceFact fact = store.get(key);
            if (fact != null) {
                out.add(fact);
            }
        }
        return List.copyOf(out);
    }
}
