package eu.portalliance.validation;

import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.avro.ScanImage;
import eu.portalliance.avro.ScanResult;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import java.time.Duration;
import java.util.regex.Pattern;

/** Validation of what ports publish (events, arrival notices, outcomes); throws {@link ValidationException} with the first problem found. */
public final class EventChecks {
    private EventChecks() {
    }

    /** More than this in one seizure is a unit error (grams for kilograms): the largest on record are about 25 t. */
    static final double MAX_KILOGRAMS = 50_000;
    static final int MAX_PACKAGES = 1_000_000;

    public static void seizure(SeizureReport s, String topicPort, long nowMs, Duration maxSkew) {
        Checks.required(s.getEventId(), "eventId");
        Checks.length(s.getEventId(), Checks.MAX_ID_LENGTH, "eventId");
        Checks.length(s.getBillOfLading(), Checks.MAX_ID_LENGTH, "billOfLading");
        Checks.length(s.getVoyage(), Checks.MAX_ID_LENGTH, "voyage");
        Checks.length(s.getNote(), Checks.MAX_TEXT_LENGTH, "note");
        Checks.atMost(s.getSharedWith(), Checks.MAX_RECIPIENTS, "sharedWith");
        Checks.atMost(s.getHandlingRestrictions(), Checks.MAX_RECIPIENTS, "handlingRestrictions");
        Checks.reportingPort(s.getReportingPort(), topicPort);
        Checks.eventTime(s.getEventTime(), nowMs, maxSkew);
        Checks.container(s.getContainerNumber(), "containerNumber");
        Checks.imo(s.getVesselImo(), "vesselImo");
        if (s.getContainerNumber() == null && s.getVesselImo() == null) {
            throw new ValidationException(RejectReason.MISSING_FIELD,
                    "containerNumber and vesselImo are both missing: a seizure needs at least one of them");
        }
        Checks.required(s.getRoute(), "route");
        Checks.route(s.getRoute(), "route");
        Checks.locodes(s.getNextPortsOfCall(), "nextPortsOfCall");
        Checks.party(s.getShipper(), "shipper");
        Checks.party(s.getConsignee(), "consignee");
        Checks.value(Double.isFinite(s.getKilograms()) && s.getKilograms() >= 0,
                () -> "kilograms " + s.getKilograms() + " must be zero or more");
        Checks.value(s.getKilograms() <= MAX_KILOGRAMS, () -> "kilograms " + s.getKilograms() + " is more than "
                + (int) MAX_KILOGRAMS + " in one seizure: check the unit (kilograms, not grams)");
        Checks.value(s.getPackages() >= 0 && s.getPackages() <= MAX_PACKAGES, () -> "packages " + s.getPackages()
                + " must be from 0 to " + MAX_PACKAGES);
        hsCode(s.getDeclaredHsCode());
    }

    /** A declared mass above this is a unit error: a loaded 45' container weighs at most about 35 t. */
    static final double MAX_GROSS_MASS_KG = 60_000;
    /** An ETA this far beyond the notice is not a pre-arrival declaration (they come days ahead, not months). */
    static final Duration MAX_ETA_AHEAD = Duration.ofDays(60);

    /** A pre-arrival notice: the container and vessel are required, since they are what screening looks up. */
    public static void arrival(ArrivalNotice a, String topicPort, long nowMs, Duration maxSkew) {
        Checks.required(a.getEventId(), "eventId");
        Checks.length(a.getEventId(), Checks.MAX_ID_LENGTH, "eventId");
        Checks.length(a.getBillOfLading(), Checks.MAX_ID_LENGTH, "billOfLading");
        Checks.length(a.getVoyage(), Checks.MAX_ID_LENGTH, "voyage");
        Checks.reportingPort(a.getReportingPort(), topicPort);
        Checks.eventTime(a.getNoticeTime(), nowMs, maxSkew);
        Checks.required(a.getContainerNumber(), "containerNumber");
        Checks.container(a.getContainerNumber(), "containerNumber");
        Checks.required(a.getVesselImo(), "vesselImo");
        Checks.imo(a.getVesselImo(), "vesselImo");
        Checks.required(a.getEta(), "eta");
        Checks.value(!a.getEta().isBefore(a.getNoticeTime().minus(Duration.ofDays(2)))
                        && !a.getEta().isAfter(a.getNoticeTime().plus(MAX_ETA_AHEAD)),
                () -> "eta " + a.getEta() + " must be within " + MAX_ETA_AHEAD.toDays() + " days after the notice time "
                        + a.getNoticeTime() + ": check both times (UTC)");
        Checks.required(a.getRoute(), "route");
        Checks.route(a.getRoute(), "route");
        Checks.party(a.getShipper(), "shipper");
        Checks.party(a.getConsignee(), "consignee");
        Checks.value(Double.isFinite(a.getGrossMassKg()) && a.getGrossMassKg() >= 0 && a.getGrossMassKg() <= MAX_GROSS_MASS_KG,
                () -> "grossMassKg " + a.getGrossMassKg() + " must be from 0 to " + (int) MAX_GROSS_MASS_KG
                        + ": check the unit (kilograms)");
        hsCode(a.getDeclaredHsCode());
    }

    /** What a port's check found: consistent with itself (no image without a scan, no kilograms without a seizure). */
    public static void scanResult(ScanResult r, String topicPort, long nowMs, Duration maxSkew) {
        Checks.required(r.getRecommendationId(), "recommendationId");
        Checks.length(r.getRecommendationId(), Checks.MAX_ID_LENGTH, "recommendationId");
        Checks.length(r.getNote(), Checks.MAX_TEXT_LENGTH, "note");
        Checks.reportingPort(r.getPort(), topicPort);
        Checks.eventTime(r.getResultTime(), nowMs, maxSkew);
        Checks.required(r.getContainerNumber(), "containerNumber");
        Checks.container(r.getContainerNumber(), "containerNumber");
        Checks.value(r.getScanned() || r.getImage() == ScanImage.NOT_SCANNED,
                () -> "image is " + r.getImage() + " but scanned is false: a scan that did not happen has no image");
        Checks.value(!r.getScanned() || r.getImage() != ScanImage.NOT_SCANNED,
                "scanned is true but image is NOT_SCANNED: say CLEAR or ANOMALY");
        Checks.value(Double.isFinite(r.getKilograms()) && r.getKilograms() >= 0 && r.getKilograms() <= MAX_KILOGRAMS,
                () -> "kilograms " + r.getKilograms() + " must be from 0 to " + (int) MAX_KILOGRAMS);
        Checks.value(r.getSeizure() || r.getKilograms() == 0, () -> "kilograms " + r.getKilograms()
                + " without a seizure: set seizure, or leave kilograms at 0");
        Checks.value(!r.getSeizure() || r.getScanned() || r.getPhysicalCheck(),
                "a seizure needs a scan or a physical check: say which found it");
    }

    private static final Pattern HS_CODE = Pattern.compile("[0-9]{2,10}");

    private static void hsCode(String code) {
        if (code != null) {
            Checks.value(HS_CODE.matcher(code).matches(), () -> "declaredHsCode '" + code + "' must be 2 to 10 digits, e.g. 0803");
        }
    }

    public static void outcome(eu.portalliance.avro.AlertOutcome o, String topicPort, long nowMs, Duration maxSkew) {
        Checks.required(o.getAlertId(), "alertId");
        Checks.length(o.getAlertId(), Checks.MAX_ID_LENGTH, "alertId");
        Checks.length(o.getNote(), Checks.MAX_TEXT_LENGTH, "note");
        Checks.reportingPort(o.getPort(), topicPort);
        Checks.eventTime(o.getReportedAt(), nowMs, maxSkew);
        Checks.value(Double.isFinite(o.getKilogramsSeized()) && o.getKilogramsSeized() >= 0,
                () -> "kilogramsSeized " + o.getKilogramsSeized() + " must be zero or more");
        Checks.value(o.getOutcome() == eu.portalliance.avro.OutcomeResult.CONFIRMED || o.getKilogramsSeized() == 0,
                () -> "kilogramsSeized is " + o.getKilogramsSeized() + " but the outcome is " + o.getOutcome()
                        + ": only CONFIRMED checks seize anything");
    }

    public static void suspicion(SuspiciousContainerEvent e, String topicPort, long nowMs, Duration maxSkew) {
        Checks.required(e.getEventId(), "eventId");
        Checks.length(e.getEventId(), Checks.MAX_ID_LENGTH, "eventId");
        Checks.length(e.getBillOfLading(), Checks.MAX_ID_LENGTH, "billOfLading");
        Checks.length(e.getNote(), Checks.MAX_TEXT_LENGTH, "note");
        Checks.atMost(e.getIndicators(), Checks.MAX_INDICATORS, "indicators");
        Checks.atMost(e.getSharedWith(), Checks.MAX_RECIPIENTS, "sharedWith");
        Checks.atMost(e.getHandlingRestrictions(), Checks.MAX_RECIPIENTS, "handlingRestrictions");
        Checks.reportingPort(e.getReportingPort(), topicPort);
        Checks.eventTime(e.getEventTime(), nowMs, maxSkew);
        Checks.container(e.getContainerNumber(), "containerNumber");
        Checks.imo(e.getVesselImo(), "vesselImo");
        Checks.party(e.getParty(), "party");
        switch (e.getSubjectType()) {
            case CONTAINER -> Checks.required(e.getContainerNumber(), "containerNumber (subjectType CONTAINER)");
            case BILL_OF_LADING -> Checks.required(e.getBillOfLading(), "billOfLading (subjectType BILL_OF_LADING)");
            case VESSEL -> Checks.required(e.getVesselImo(), "vesselImo (subjectType VESSEL)");
            case PARTY -> Checks.required(e.getParty(), "party (subjectType PARTY)");
            default -> throw new ValidationException(RejectReason.INVALID_VALUE, "unknown subjectType " + e.getSubjectType());
        }
        Checks.route(e.getRoute(), "route");
        Checks.locodes(e.getNextPortsOfCall(), "nextPortsOfCall");
        Checks.value(!e.getIndicators().isEmpty(), "indicators is empty: name at least one indicator that fired");
        Checks.value(e.getLocalScore() >= 0 && e.getLocalScore() <= 1,
                () -> "localScore " + e.getLocalScore() + " must be between 0.0 and 1.0");
        if (e.getValidUntil() != null) {
            Checks.value(!e.getValidUntil().isBefore(e.getEventTime()),
                    () -> "validUntil " + e.getValidUntil() + " is before eventTime " + e.getEventTime());
        }
    }
}
