package eu.portalliance.topology.scoreboard;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.CaseStatus;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.ScanAction;
import eu.portalliance.avro.ScanRecommendation;
import eu.portalliance.avro.ScanResult;
import eu.portalliance.topology.avro.ScreeningTally;
import eu.portalliance.topology.avro.TallyKind;
import eu.portalliance.topology.avro.TopPick;
import eu.portalliance.topology.query.RouteKey;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * What the scoreboard counts, keyed by origin country so that one origin's traffic to every alliance port meets in one
 * place: the spread between ports, the weekly notice and displacement (R14) all compare ports on one origin.
 */
public final class ScreeningTallies {
    /** UN/LOCODE's code for a country that is not known (a port of loading without one). */
    public static final String UNKNOWN_ORIGIN = "ZZ";

    private ScreeningTallies() {
    }

    /** @param recommended scored at or above the profile's scan threshold (a control pick alone is not) */
    public static KeyValue<String, ScreeningTally> ofArrival(ScanRecommendation r, Instant noticeTime, boolean recommended) {
        TopPick pick = recommended ? new TopPick(r.getRecommendationId(), r.getContainerNumber(), r.getScore(), r.getAction().name(),
                r.getCriteria().stream().map(m -> m.getCriterion().name()).distinct().toList()) : null;
        // The constructor, not the builder: one tally per notice, and the builder deep-copies every default it fills
        // in, half of what a tally cost. The fields in schema order; the result and surge fields stay at their defaults.
        boolean checked = false;
        boolean seizure = false;
        String caseId = null;
        boolean open = true;
        return tally(new ScreeningTally(TallyKind.ARRIVAL, origin(r.getOriginCountry()), r.getPort(), Weeks.of(r.getEta()),
                r.getRiskOrigin(), recommended, r.getAction() != ScanAction.NONE, r.getControlPick(), checked, seizure, pick,
                caseId, HandlingCode.TLP_GREEN, open, noticeTime));
    }

    public static KeyValue<String, ScreeningTally> ofResult(ScanResult r) {
        Instant week = r.getEta() != null ? r.getEta() : r.getResultTime();
        return tally(ScreeningTally.newBuilder().setKind(TallyKind.RESULT).setOrigin(origin(r.getOriginCountry()))
                .setPort(r.getPort()).setWeek(Weeks.of(week)).setRiskOrigin(r.getRiskOrigin()).setControlPick(r.getControlPick())
                .setChecked(r.getScanned() || r.getPhysicalCheck()).setSeizure(r.getSeizure())
                .setEventTime(r.getResultTime()).build());
    }

    /** A route surge case (R13) as the displacement rule sees it: enforcement biting on an origin at a port. */
    public static List<KeyValue<String, ScreeningTally>> ofSurge(Alert a) {
        if (!"R13".equals(a.getRuleId())) {
            return List.of();
        }
        RouteKey route = RouteKey.parse(a.getEntityId());
        return List.of(tally(ScreeningTally.newBuilder().setKind(TallyKind.SURGE).setOrigin(route.originCountry())
                .setPort(route.port()).setWeek(Weeks.of(a.getRaisedAt())).setCaseId(a.getAlertId())
                .setHandlingCode(a.getHandlingCode()).setOpen(a.getStatus() == CaseStatus.OPEN)
                .setEventTime(a.getRaisedAt()).build()));
    }

    private static String origin(String country) {
        return country == null ? UNKNOWN_ORIGIN : country;
    }

    private static KeyValue<String, ScreeningTally> tally(ScreeningTally t) {
        return KeyValue.pair(t.getOrigin(), t);
    }
}
