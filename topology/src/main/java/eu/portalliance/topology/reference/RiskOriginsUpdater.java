package eu.portalliance.topology.reference;

import eu.portalliance.avro.RiskOrigin;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every instance's copy of the risk-origin list as a versioned store (KIP-889), each version stamped with
 * the record's time, which the topology takes from {@code validFrom}. Publishers set the Kafka record timestamp
 * to {@code validFrom} too, so a store rebuilt straight from the topic holds the same versions.
 */
public final class RiskOriginsUpdater implements Processor<String, RiskOrigin, Void, Void> {
    private static final Logger log = LoggerFactory.getLogger(RiskOriginsUpdater.class);
    private final String storeName;
    private VersionedKeyValueStore<String, RiskOrigin> store;

    public RiskOriginsUpdater(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, RiskOrigin> record) {
        if (record.key() == null) {
            log.warn("ignoring a risk-origin record without a key: key it by country code or LOCODE");
            return;
        }
        store.put(record.key(), record.value(), record.timestamp());
    }
}
