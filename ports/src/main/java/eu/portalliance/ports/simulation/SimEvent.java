package eu.portalliance.ports.simulation;

import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.ports.PortClient;
import eu.portalliance.topics.Topics;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/** One simulated port event: a seizure or a suspicious-container event, and the port that publishes it. */
public record SimEvent(String port, SpecificRecord event) {
    public Instant time() {
        return event instanceof SeizureReport s ? s.getEventTime() : ((SuspiciousContainerEvent) event).getEventTime();
    }

    /** The port's own topic for this event. */
    public String topic() {
        return event instanceof SeizureReport ? Topics.seizures(port) : Topics.suspicious(port);
    }

    /** The key a port client gives this event. */
    public String key() {
        return event instanceof SeizureReport s ? PortClient.keyOf(s) : PortClient.keyOf((SuspiciousContainerEvent) event);
    }

    public String eventId() {
        return event instanceof SeizureReport s ? s.getEventId() : ((SuspiciousContainerEvent) event).getEventId();
    }
}
