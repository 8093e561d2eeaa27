package eu.portalliance.topology.ingest;

import eu.portalliance.avro.AlertOutcome;
import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.avro.RiskOrigin;
import eu.portalliance.avro.ScanResult;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time everywhere: the time the port says the event happened, never the broker's clock. Internal records
 * (sightings, alerts) carry the event time they were made from as their timestamp. A record with no value (on its way
 * to the dead-letter topic) or without a time of its own keeps the partition's time, so it does not move stream time.
 */
public final class EventTimeExtractor implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Object value = record.value();
        Instant own = value instanceof SeizureReport s ? s.getEventTime()
                : value instanceof SuspiciousContainerEvent e ? e.getEventTime()
                : value instanceof AlertOutcome o ? o.getReportedAt()
                : value instanceof RiskOrigin r ? r.getValidFrom()
                : value instanceof ArrivalNotice a ? a.getNoticeTime()
                : value instanceof ScanResult r ? r.getResultTime()
                : null;
        if (own != null) {
            return own.toEpochMilli();
        }
        boolean portInput = value == null || value instanceof SeizureReport || value instanceof SuspiciousContainerEvent
                || value instanceof AlertOutcome || value instanceof RiskOrigin || value instanceof ArrivalNotice
                || value instanceof ScanResult;
        if (portInput || record.timestamp() < 0) {
            return partitionTime >= 0 ? partitionTime : Math.max(0, record.timestamp());
        }
        return record.timestamp();
    }
}
