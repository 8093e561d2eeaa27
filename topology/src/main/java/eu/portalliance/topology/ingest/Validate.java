package eu.portalliance.topology.ingest;

import eu.portalliance.validation.RejectReason;
import eu.portalliance.validation.ValidationException;

import eu.portalliance.topics.Topics;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Passes on events that pass their checks; a failing check throws, and the processing exception handler
 * ({@link DeadLetters}) sends the original bytes to the dead-letter topic.
 */
public final class Validate<V> implements FixedKeyProcessor<String, V, V> {
    /** A check of one event against the port its topic belongs to and the alliance clock. */
    @FunctionalInterface
    public interface Check<V> {
        void check(V value, String topicPort, long nowMs);
    }

    private final Check<V> check;
    private FixedKeyProcessorContext<String, V> context;

    public Validate(Check<V> check) {
        this.check = check;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        if (record.value() == null) {
            throw new ValidationException(RejectReason.MISSING_FIELD, "the record has no value: port events cannot be deleted");
        }
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("");
        String port = Topics.portOf(topic).orElse("");
        check.check(record.value(), port, context.currentSystemTimeMs());
        context.forward(record);
    }
}
