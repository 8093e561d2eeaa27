package eu.portalliance.topology.ingest;

import eu.portalliance.validation.RejectReason;
import eu.portalliance.validation.ValidationException;

import eu.portalliance.topics.Topics;
import eu.portalliance.topics.Topics.DlqHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every record the topology cannot use to {@code alliance.dlq.v1}: its original key and value bytes, its
 * original headers, and in the {@link DlqHeaders} the reason, source topic, partition and offset. The pipeline
 * always resumes: bad input never stops it and never vanishes.
 */
public final class DeadLetters implements DeserializationExceptionHandler, ProcessingExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private RejectCounter counter = new RejectCounter();
    private final LogBudget quiet = new LogBudget();

    @Override
    public void configure(Map<String, ?> configs) {
        if (configs.get(RejectCounter.CONFIG_KEY) instanceof RejectCounter shared) {
            counter = shared;
        }
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                ConsumerRecord<byte[], byte[]> record, Exception exception) {
        return DeserializationExceptionHandler.Response.resume(List.of(deadLetter(context, record.key(), record.value(), record.headers(),
                RejectReason.UNREADABLE, oneLine(exception))));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        RejectReason reason = exception instanceof ValidationException v ? v.reason() : RejectReason.PROCESSING_ERROR;
        if (reason == RejectReason.PROCESSING_ERROR) {
            log.error("processing failed in {} for {}-{}@{}; record sent to {}", context.processorNodeId(),
                    context.topic(), context.partition(), context.offset(), Topics.DLQ, exception);
        }
        return ProcessingExceptionHandler.Response.resume(List.of(deadLetter(context, context.sourceRawKey(),
                context.sourceRawValue(), context.headers(), reason, oneLine(exception))));
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, byte[] key, byte[] value,
                                                      Headers original, RejectReason reason, String message) {
        counter.increment(reason, context.topic());
        if (quiet.shouldLog(reason)) {
            log.warn("rejected {}-{}@{}: {} ({})", context.topic(), context.partition(), context.offset(), message, reason);
        }
        Headers headers = new RecordHeaders(original == null ? null : original.toArray());
        headers.remove(DlqHeaders.REASON).remove(DlqHeaders.MESSAGE).remove(DlqHeaders.SOURCE_TOPIC)
                .remove(DlqHeaders.SOURCE_PARTITION).remove(DlqHeaders.SOURCE_OFFSET).remove(DlqHeaders.PROCESSOR);
        headers.add(DlqHeaders.REASON, bytes(reason.name()))
                .add(DlqHeaders.MESSAGE, bytes(message))
                .add(DlqHeaders.SOURCE_TOPIC, bytes(context.topic()))
                .add(DlqHeaders.SOURCE_PARTITION, bytes(Integer.toString(context.partition())))
                .add(DlqHeaders.SOURCE_OFFSET, bytes(Long.toString(context.offset())))
                .add(DlqHeaders.PROCESSOR, bytes(context.processorNodeId()));
        return new ProducerRecord<>(Topics.DLQ, null, key, value, headers);
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof ValidationException)) {
            root = root.getCause();
        }
        String message = root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root.getMessage();
        return message.replace('\n', ' ');
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }
}
