package eu.portalliance.topology.reference;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A global store holding each key's latest value (a tombstone deletes it), as a global table would, and counting
 * its changes so the readers can keep what they read until the next one.
 */
public final class KeepLatest<V> implements Processor<String, V, Void, Void> {
    private static final Logger log = LoggerFactory.getLogger(KeepLatest.class);
    private final String storeName;
    private final ReferenceChanges changes;
    private KeyValueStore<String, V> store;

    public KeepLatest(String storeName, ReferenceChanges changes) {
        this.storeName = storeName;
        this.changes = changes;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null) {
            log.warn("ignoring a record without a key on the topic of {}: only the alliance's own tools write there, "
                    + "and they always set one", storeName);
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        changes.changed();
    }
}
