package eu.portalliance.validation;

import eu.portalliance.avro.Party;
import eu.portalliance.avro.Route;
import eu.portalliance.ids.ContainerNumber;
import eu.portalliance.ids.ImoNumber;
import eu.portalliance.ids.UnLocode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The checks both kinds of port event share; each failure names the field and what to do about it. */
final class Checks {
    private Checks() {
    }

    static void required(Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new ValidationException(RejectReason.MISSING_FIELD, field + " is missing: every event must carry it");
        }
    }

    static void reportingPort(String reportingPort, String topicPort) {
        required(reportingPort, "reportingPort");
        locode(reportingPort, "reportingPort");
        if (!reportingPort.equals(topicPort)) {
            throw new ValidationException(RejectReason.PORT_MISMATCH, "reporting port " + reportingPort
                    + " differs from the topic's port " + topicPort + ": a port publishes only its own events, "
                    + "to ports." + reportingPort + ".*");
        }
    }

    static void eventTime(Instant eventTime, long nowMs, Duration maxSkew) {
        required(eventTime, "event time");
        long limit = nowMs + maxSkew.toMillis();
        if (eventTime.toEpochMilli() > limit) {
            throw new ValidationException(RejectReason.FUTURE_EVENT_TIME, "event time " + eventTime
                    + " is more than " + maxSkew.toHours() + " h ahead of the alliance clock (" + Instant.ofEpochMilli(nowMs)
                    + "): check the reporting system's clock and time zone (times are UTC)");
        }
    }

    static void container(String number, String field) {
        if (number != null) {
            ContainerNumber.problem(number).ifPresent(p -> {
                throw new ValidationException(RejectReason.INVALID_CONTAINER_NUMBER, field + ": " + p);
            });
        }
    }

    static void imo(String imo, String field) {
        if (imo != null) {
            ImoNumber.problem(imo).ifPresent(p -> {
                throw new ValidationException(RejectReason.INVALID_IMO, field + ": " + p);
            });
        }
    }

    static void locode(String locode, String field) {
        UnLocode.problem(locode).ifPresent(p -> {
            throw new ValidationException(RejectReason.INVALID_LOCODE, field + ": " + p);
        });
    }

    static void locodes(List<String> locodes, String field) {
        for (String l : locodes) {
            locode(l, field);
        }
    }

    static void route(Route route, String field) {
        if (route == null) {
            return;
        }
        required(route.getPortOfLoading(), field + ".portOfLoading");
        locode(route.getPortOfLoading(), field + ".portOfLoading");
        locodes(route.getTransshipmentPorts(), field + ".transshipmentPorts");
        if (route.getPortOfDischarge() != null) {
            locode(route.getPortOfDischarge(), field + ".portOfDischarge");
        }
    }

    static void party(Party party, String field) {
        if (party != null && (party.getName() == null || party.getName().isBlank())) {
            throw new ValidationException(RejectReason.MISSING_FIELD, field + ".name is missing: name the party or leave " + field + " out");
        }
    }

    static void value(boolean ok, String message) {
        if (!ok) {
            throw new ValidationException(RejectReason.INVALID_VALUE, message);
        }
    }
}
