package eu.portalliance.topology.screening;

import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets through the first record of each identity, so a resend never counts or notifies twice: the first result a
 * port reports for a recommendation (hit rates), the first match of restricted intelligence on a vessel call (the
 * owner's notice). Records must be keyed so that every record of one identity reaches the same task. The store grows
 * with the identities (checks, a few percent of arrivals; matches, rarer still), never with every arrival.
 */
public final class FirstOnly<V> implements FixedKeyProcessor<String, V, V> {
    private final String storeName;
    private final Function<V, String> identity;
    private FixedKeyProcessorContext<String, V> context;
    private KeyValueStore<String, String> seen;

    public FirstOnly(String storeName, Function<V, String> identity) {
        this.storeName = storeName;
        this.identity = identity;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        if (seen.putIfAbsent(identity.apply(record.value()), record.key()) == null) {
            context.forward(record);
        }
    }
}
