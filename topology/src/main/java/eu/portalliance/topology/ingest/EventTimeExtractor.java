package eu.portalliance.topology.ingest;

import eu.portalliance.avro.RiskOrigin;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time everywhere: the time the port says the event happened, never the broker's clock.
 * Records that have no event time of their own (unreadable ones, on their way to the dead-letter topic) keep
 * the partition's time so they do not move stream time.
 */
public final class EventTimeExtractor implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Object value = record.value();
        if (value instanceof SeizureReport s && s.getEventTime() != null) {
            return s.getEventTime().toEpochMilli();
        }
        if (value instanceof SuspiciousContainerEvent e && e.getEventTime() != null) {
            return e.getEventTime().toEpochMilli();
        }
        if (value instanceof RiskOrigin r && r.getValidFrom() != null) {
            return r.getValidFrom().toEpochMilli();
        }
        return partitionTime >= 0 ? partitionTime : Math.max(0, record.timestamp());
    }
}
