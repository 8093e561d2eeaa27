package eu.portalliance.platform.chaos;

import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.ports.simulation.SimEvent;
import eu.portalliance.reference.KnownPorts;
import eu.portalliance.topics.Topics;
import eu.portalliance.validation.RejectReason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Bad records for the poison flood: one of five kinds, each with the reason the topology must give it. */
final class Poisons {
    private Poisons() {
    }

    record Poison(String topic, String key, byte[] bytes, RejectReason reason) {
    }

    /** A bad copy of a good event (its own event id, so it would make its own sightings if it got through). */
    static Poison of(InJvmAlliance alliance, SimEvent e, int n) {
        String other = KnownPorts.allianceLocodes().stream().filter(p -> !p.equals(e.port())).findFirst().orElseThrow();
        int kind = n % 5;
        if (kind == 0) {
            return new Poison(e.topic(), e.key(), ("{\"eventId\":\"" + e.eventId() + "\"} is JSON, not Avro")
                    .getBytes(StandardCharsets.UTF_8), RejectReason.UNREADABLE);
        }
        if (e.event() instanceof SeizureReport s) {
            SeizureReport.Builder b = SeizureReport.newBuilder(s).setEventId(s.getEventId() + "-BAD");
            String topic = e.topic();
            RejectReason reason;
            switch (kind) {
                case 1 -> {
                    b.setContainerNumber("CSQU3054384").setVesselImo(s.getVesselImo());
                    reason = RejectReason.INVALID_CONTAINER_NUMBER;
                }
                case 2 -> {
                    b.setEventTime(Instant.now().plus(Duration.ofDays(3)));
                    reason = RejectReason.FUTURE_EVENT_TIME;
                }
                case 3 -> {
                    topic = Topics.seizures(other);
                    reason = RejectReason.PORT_MISMATCH;
                }
                default -> {
                    b.setKilograms(100_000);
                    reason = RejectReason.INVALID_VALUE;
                }
            }
            return new Poison(topic, e.key(), Topics.seizuresTopic(Topics.portOf(topic).orElseThrow(), alliance.registryClient)
                    .valueSerde().serializer().serialize(topic, b.build()), reason);
        }
        SuspiciousContainerEvent s = (SuspiciousContainerEvent) e.event();
        SuspiciousContainerEvent.Builder b = SuspiciousContainerEvent.newBuilder(s).setEventId(s.getEventId() + "-BAD");
        String topic = e.topic();
        RejectReason reason;
        switch (kind) {
            case 1 -> {
                b.setVesselImo("9074728");
                reason = RejectReason.INVALID_IMO;
            }
            case 2 -> {
                b.setEventTime(Instant.now().plus(Duration.ofDays(3)));
                reason = RejectReason.FUTURE_EVENT_TIME;
            }
            case 3 -> {
                topic = Topics.suspicious(other);
                reason = RejectReason.PORT_MISMATCH;
            }
            default -> {
                b.setLocalScore(7.5);
                reason = RejectReason.INVALID_VALUE;
            }
        }
        return new Poison(topic, e.key(), Topics.suspiciousTopic(Topics.portOf(topic).orElseThrow(), alliance.registryClient)
                .valueSerde().serializer().serialize(topic, b.build()), reason);
    }
}
