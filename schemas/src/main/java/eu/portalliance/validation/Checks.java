package eu.portalliance.validation;

import eu.portalliance.avro.Party;
import eu.portalliance.avro.Route;
import eu.portalliance.ids.ContainerNumber;
import eu.portalliance.ids.ImoNumber;
import eu.portalliance.ids.UnLocode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** The checks both kinds of port event share; each failure names the field and what to do about it. */
final class Checks {
    /**
     * Earlier than this is a clock at 1970 or seconds sent as milliseconds, not intelligence. A fixed floor rather
     * than an age: an age limit would one day refuse the recorded test and simulation data too.
     */
    static final Instant NOT_BEFORE = Instant.parse("2000-01-01T00:00:00Z");
    /** Lists on one event: a vessel calls at a handful of ports next, a box is transshipped a few times. */
    static final int MAX_PORTS = 20;
    static final int MAX_RECIPIENTS = 50;
    static final int MAX_INDICATORS = 30;
    /** Identifiers and names; free text for the officer. */
    static final int MAX_ID_LENGTH = 100;
    static final int MAX_TEXT_LENGTH = 4_000;

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
        if (eventTime.isBefore(NOT_BEFORE)) {
            throw new ValidationException(RejectReason.STALE_EVENT_TIME, "event time " + eventTime + " is before "
                    + NOT_BEFORE + ": check the reporting system's clock, or the field's unit (milliseconds since 1970, UTC)");
        }
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
        atMost(locodes, MAX_PORTS, field);
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
        if (party != null) {
            length(party.getName(), MAX_ID_LENGTH * 2, field + ".name");
            length(party.getEori(), MAX_ID_LENGTH, field + ".eori");
        }
    }

    static void atMost(List<?> list, int max, String field) {
        if (list != null && list.size() > max) {
            throw new ValidationException(RejectReason.TOO_LARGE, field + " has " + list.size() + " entries, more than the "
                    + max + " one event may carry: split it, or send only what the receiving ports need");
        }
    }

    static void length(CharSequence text, int max, String field) {
        if (text != null && text.length() > max) {
            throw new ValidationException(RejectReason.TOO_LARGE, field + " is " + text.length() + " characters long, more "
                    + "than the " + max + " allowed: shorten it");
        }
    }

    static void value(boolean ok, String message) {
        if (!ok) {
            throw new ValidationException(RejectReason.INVALID_VALUE, message);
        }
    }

    /** The message written only for a record that fails: a vessel call passes 15,000 notices through here. */
    static void value(boolean ok, Supplier<String> message) {
        if (!ok) {
            throw new ValidationException(RejectReason.INVALID_VALUE, message.get());
        }
    }
}
