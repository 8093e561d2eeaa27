package eu.portalliance.ports.simulation;

import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/** One simulated port event: a seizure or a suspicious-container event, and the port that publishes it. */
public record SimEvent(String port, SpecificRecord event) {
    public Instant time() {
        return event instanceof SeizureReport s ? s.getEventTime() : ((SuspiciousContainerEvent) event).getEventTime();
    }

    public String eventId() {
        return event instanceof SeizureReport s ? s.getEventId() : ((SuspiciousContainerEvent) event).getEventId();
    }
}
