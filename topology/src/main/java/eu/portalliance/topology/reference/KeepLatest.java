package eu.portalliance.topology.reference;

import java.util.function.BiPredicate;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A global store holding each key's latest value (a tombstone deletes it), as a global table would, and counting
 * its changes so the readers can keep what they read until the next one. Where a topic's values for one key come
 * from several writers in no fixed order, "latest" is what the topic says it is ({@code replaces}), not the last read.
 * A value equal to the one stored is no change: a replay or a backtest republishes what the store already holds, and
 * rewriting it would cost a RocksDB write and make every reader read its entities again.
 */
public final class KeepLatest<V> implements Processor<String, V, Void, Void> {
    private static final Logger log = LoggerFactory.getLogger(KeepLatest.class);
    private final String storeName;
    private final ReferenceChanges changes;
    private final BiPredicate<V, V> replaces;
    private KeyValueStore<String, V> store;

    /** Each value read replaces the one before. */
    public KeepLatest(String storeName, ReferenceChanges changes) {
        this(storeName, changes, (incoming, stored) -> true);
    }

    /** @param replaces whether a value read (first argument) replaces the one stored (second) */
    public KeepLatest(String storeName, ReferenceChanges changes, BiPredicate<V, V> replaces) {
        this.storeName = storeName;
        this.changes = changes;
        this.replaces = replaces;
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
            V stored = store.get(record.key());
            if (stored != null && (stored.equals(record.value()) || !replaces.test(record.value(), stored))) {
                return;
            }
            store.put(record.key(), record.value());
        }
        changes.changed();
    }
}
