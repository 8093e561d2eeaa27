package eu.portalliance.topology.alerts;

import eu.portalliance.avro.Alert;
import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets each alert id through once, and keeps the alert (for outcome attribution and the analysts' queries). Rules already
 * ignore replayed events; this is the guarantee at the edge, for findings two paths can reach (a container and its
 * bill of lading) and for replays from scratch.
 */
public final class AlertDeduplicator implements FixedKeyProcessor<String, Alert, Alert> {
    private final String storeName;
    private final Duration retention;
    private FixedKeyProcessorContext<String, Alert> context;
    private KeyValueStore<String, Alert> seen;

    public AlertDeduplicator(String storeName, Duration retention) {
        this.storeName = storeName;
        this.retention = retention;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
        context.schedule(Duration.ofDays(1), PunctuationType.STREAM_TIME, this::forgetOlderThanRetention);
    }

    @Override
    public void process(FixedKeyRecord<String, Alert> record) {
        if (seen.get(record.key()) != null) {
            return;
        }
        seen.put(record.key(), record.value());
        context.forward(record);
    }

    private void forgetOlderThanRetention(long streamTime) {
        long horizon = streamTime - retention.toMillis();
        try (KeyValueIterator<String, Alert> all = seen.all()) {
            while (all.hasNext()) {
                KeyValue<String, Alert> next = all.next();
                if (next.value.getRaisedAt().toEpochMilli() < horizon) {
                    seen.delete(next.key);
                }
            }
        }
    }
}
