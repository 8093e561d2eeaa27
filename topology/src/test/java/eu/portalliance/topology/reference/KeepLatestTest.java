package eu.portalliance.topology.reference;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.HandlingCode;
import eu.portalliance.registry.InMemorySchemaRegistry;
import eu.portalliance.serde.AvroSerde;
import eu.portalliance.topology.avro.IntelligenceFact;
import eu.portalliance.topology.avro.IntelligenceKind;
import eu.portalliance.topology.screening.IntelligenceFacts;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeepLatestTest {
    private static final String KEY = "C:MSCU7301240|SEIZURE";
    private final ReferenceChanges changes = new ReferenceChanges();
    private KeyValueStore<String, IntelligenceFact> store;
    private KeepLatest<IntelligenceFact> keep;

    @BeforeEach
    void open() {
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("intelligence"), Serdes.String(),
                AvroSerde.value(new InMemorySchemaRegistry(), IntelligenceFact.class)).withLoggingDisabled().withCachingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        keep = new KeepLatest<>("intelligence", changes, IntelligenceFacts::replaces);
        keep.init(context);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNewerFactReplacesTheStoredOneAndCountsAsAChange() {
        keep.process(record(fact("E1", "2025-03-01T10:00:00Z")));
        keep.process(record(fact("E2", "2025-03-02T10:00:00Z")));
        assertThat(store.get(KEY).getSourceId()).isEqualTo("E2");
        assertThat(changes.current()).isEqualTo(2);
    }

    @Test
    void anOlderFactChangesNothing() {
        keep.process(record(fact("E2", "2025-03-02T10:00:00Z")));
        keep.process(record(fact("E1", "2025-03-01T10:00:00Z")));
        assertThat(store.get(KEY).getSourceId()).isEqualTo("E2");
        assertThat(changes.current()).isEqualTo(1);
    }

    @Test
    void theSameFactAgainIsNoChangeSoReadersKeepWhatTheyRead() {
        keep.process(record(fact("E1", "2025-03-01T10:00:00Z")));
        long before = changes.current();
        keep.process(record(fact("E1", "2025-03-01T10:00:00Z")));
        assertThat(changes.current()).isEqualTo(before).isEqualTo(1);
        assertThat(store.get(KEY)).isEqualTo(fact("E1", "2025-03-01T10:00:00Z"));
    }

    @Test
    void aTombstoneDeletesAndCountsAsAChange() {
        keep.process(record(fact("E1", "2025-03-01T10:00:00Z")));
        keep.process(new Record<>(KEY, null, 0L));
        assertThat(store.get(KEY)).isNull();
        assertThat(changes.current()).isEqualTo(2);
    }

    private static Record<String, IntelligenceFact> record(IntelligenceFact f) {
        return new Record<>(KEY, f, f.getEventTime().toEpochMilli());
    }

    private static IntelligenceFact fact(String sourceId, String time) {
        return new IntelligenceFact(IntelligenceKind.SEIZURE, sourceId, List.of("NLRTM"), Instant.parse(time), HandlingCode.TLP_AMBER,
                List.of(), true);
    }
}
