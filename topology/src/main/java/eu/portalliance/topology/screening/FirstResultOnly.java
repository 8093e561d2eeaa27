package eu.portalliance.topology.screening;

import eu.portalliance.avro.ScanResult;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets through the first result a port reports for a recommendation, so a resend or a second report of one check
 * never counts twice in the hit rates. Results are keyed by recommendation id, so every report of one recommendation
 * reaches the same task and the same store. The store grows with the checks, a few percent of the arrivals.
 */
public final class FirstResultOnly implements FixedKeyProcessor<String, ScanResult, ScanResult> {
    private final String storeName;
    private FixedKeyProcessorContext<String, ScanResult> context;
    private KeyValueStore<String, String> seen;

    public FirstResultOnly(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ScanResult> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, ScanResult> record) {
        String id = record.value().getRecommendationId();
        if (seen.putIfAbsent(id, record.value().getPort()) == null) {
            context.forward(record);
        }
    }
}
