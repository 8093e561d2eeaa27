package eu.portalliance.topology.scoreboard;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.CaseStatus;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.RuleHit;
import eu.portalliance.avro.Severity;
import eu.portalliance.topology.alerts.AlertIds;
import eu.portalliance.topology.avro.ScreeningTally;
import eu.portalliance.topology.avro.WithheldMatch;
import eu.portalliance.topology.cases.CaseScore;
import eu.portalliance.topology.query.RouteKey;
import eu.portalliance.topology.rules.DisplacementRule;
import eu.portalliance.topology.rules.Poisson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What screening tells the ports, as the records their alerts topics carry: the weekly scan-rate notice and the
 * restricted-intelligence match (notices, delivered but never cases) and the displacement case (R14).
 */
public final class ScreeningAlerts {
    /** The rule id notices carry: they come from the scoreboard and screening, not from a correlation rule. */
    public static final String NOTICE_RULE = "SCREENING";
    private static final String NOTICE_PREFIX = "NOTICE";

    private ScreeningAlerts() {
    }

    /** Only the port concerned: its weakness on a route is nobody else's business (AMBER+STRICT, involved only). */
    public static Alert scanRateNotice(ScanRateCheck.Shortfall s) {
        String route = new RouteKey(s.origin(), s.port()).toString();
        String summary = String.format(Locale.ROOT, "Week %s: %s checked %,d of the %,d containers from %s (a risk origin) "
                        + "screening asked it to check (%.0f %%); the rest of the alliance checked %.0f %% of %,d. A port well "
                        + "below the others on a route is where smugglers move.", Weeks.label(s.week()), s.port(), s.checked(),
                s.toCheck(), s.origin(), 100 * s.rate(), 100 * s.othersRate(), s.othersToCheck());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("notice", "scan-rate");
        attributes.put("week", s.week());
        attributes.put("origin", s.origin());
        attributes.put("arrivals", Long.toString(s.arrivals()));
        attributes.put("toCheck", Long.toString(s.toCheck()));
        attributes.put("checked", Long.toString(s.checked()));
        attributes.put("rate", String.format(Locale.ROOT, "%.4f", s.rate()));
        attributes.put("allianceRate", String.format(Locale.ROOT, "%.4f", s.othersRate()));
        return notice(AlertIds.of(NOTICE_PREFIX, "scan-rate|" + route + "|" + s.week()), EntityType.ROUTE, route, List.of(s.port()),
                HandlingCode.TLP_AMBER_STRICT, List.of(), Weeks.start(s.week()), Weeks.end(s.week()), summary,
                "Follow the SCAN and PHYSICAL recommendations for " + s.origin() + " cargo at " + s.port()
                        + " and report every check (bin/alliance scan-result), so the scoreboard counts it", attributes);
    }

    /**
     * To the ports whose restricted intelligence matched an arrival at a port that may not see it, under the source's
     * own handling code (so only they receive it); once per source and vessel call.
     */
    public static Alert withheldMatchNotice(WithheldMatch m) {
        String call = "vessel IMO " + m.getVesselImo() + (m.getVoyage() != null ? " voyage " + m.getVoyage() : "");
        String summary = String.format(Locale.ROOT, "Your %s intelligence %s matched container %s announced at %s on %s, ETA %s. "
                        + "%s was given its score and \"restricted alliance intelligence\", not the details.",
                code(m.getHandlingCode()), m.getSourceId(), m.getContainerNumber(), m.getPort(), call, m.getEta(), m.getPort());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("notice", "restricted-match");
        attributes.put("arrivalPort", m.getPort());
        attributes.put("vesselImo", m.getVesselImo());
        attributes.put("eta", m.getEta().toString());
        return notice(AlertIds.of(NOTICE_PREFIX, "match|" + m.getSourceId() + "|" + m.getPort() + "|" + m.getVesselImo() + "|" + m.getVoyage()),
                EntityType.CONTAINER, m.getContainerNumber(), m.getSourcePorts(), m.getHandlingCode(), List.of(m.getSourceId()),
                m.getNoticeTime(), m.getNoticeTime(), summary,
                "Decide whether " + m.getPort() + " should know before the vessel berths: contact its watch room, or "
                        + "republish the source naming it as a recipient", attributes);
    }

    /**
     * R14. A surge under RED or AMBER+STRICT keeps its code and its port's name: the target hears that enforcement bit
     * elsewhere, not where.
     */
    public static Alert displacement(DisplacementRule rule, String origin, String week, ScreeningTally surge,
                                     DisplacementRule.Target t, int revision, Instant firstRaisedAt) {
        boolean strict = surge.getHandlingCode() == HandlingCode.TLP_RED || surge.getHandlingCode() == HandlingCode.TLP_AMBER_STRICT;
        String route = new RouteKey(origin, t.port()).toString();
        String where = strict ? "another alliance port" : surge.getPort();
        double surprise = Poisson.surprise((int) t.observed(), t.expected());
        String reason = String.format(Locale.ROOT, "%,d containers from %s announced at %s in week %s against %.0f expected at its usual "
                + "share of %.1f %% (by chance: %s)", t.observed(), origin, t.port(), Weeks.label(week), t.expected(),
                100 * t.baselineShare(), Poisson.odds(t.chance()));
        double score = Math.min(CaseScore.MAX, 40 + 10 * surprise);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("origin", origin);
        attributes.put("week", week);
        attributes.put("observed", Long.toString(t.observed()));
        attributes.put("expected", String.format(Locale.ROOT, "%.1f", t.expected()));
        attributes.put("baselineShare", String.format(Locale.ROOT, "%.4f", t.baselineShare()));
        if (!strict) {
            attributes.put("enforcementPort", surge.getPort());
            attributes.put("surgeCase", surge.getCaseId());
        }
        return Alert.newBuilder()
                .setAlertId(AlertIds.of("CASE", "DISPLACEMENT|" + route + "|" + surge.getCaseId()))
                .setType(AlertType.DISPLACEMENT).setSeverity(CaseScore.band(score)).setSeverityReasons(List.of(rule.id() + ": " + reason))
                .setEntityType(EntityType.ROUTE).setEntityId(route).setPorts(List.of(t.port()))
                .setAddressedTo(strict ? List.of() : List.of(surge.getPort()))
                .setHandlingCode(strict ? surge.getHandlingCode() : HandlingCode.TLP_AMBER)
                .setNamedRecipients(List.of()).setHandlingRestrictions(List.of())
                .setRuleId(rule.id()).setRuleVersion(rule.version())
                .setSourceEventIds(strict ? List.of() : List.of(surge.getCaseId()))
                .setFirstEventTime(Weeks.start(surge.getWeek())).setRaisedAt(Weeks.end(week))
                .setSummary(String.format(Locale.ROOT, "Traffic from %s is shifting to %s after enforcement at %s: %s",
                        origin, t.port(), where, reason))
                .setRecommendedAction("Raise the inspection rate on " + origin + " cargo at " + t.port()
                        + " now: the route surge criterion of screening weighs it from this case on")
                .setParties(List.of()).setKilograms(0).setAttributes(attributes)
                .setRevision(revision).setStatus(CaseStatus.OPEN).setMergedInto(null)
                .setScore(Math.round(score * 10) / 10.0)
                .setScoreReasons(List.of(String.format(Locale.ROOT, "+%.1f displacement: 40 + 10 × %.1f (tens against chance)",
                        score, surprise)))
                .setRules(List.of(new RuleHit(rule.id(), rule.version(), AlertType.DISPLACEMENT, List.of(reason))))
                .setFirstRaisedAt(firstRaisedAt)
                .build();
    }

    private static Alert notice(String id, EntityType entityType, String entityId, List<String> ports, HandlingCode code,
                                List<String> sources, Instant first, Instant raised, String summary, String action,
                                Map<String, String> attributes) {
        return Alert.newBuilder().setAlertId(id).setType(AlertType.SCREENING_NOTICE).setSeverity(Severity.LOW)
                .setSeverityReasons(List.of()).setEntityType(entityType).setEntityId(entityId).setPorts(new ArrayList<>(ports))
                .setAddressedTo(List.of()).setHandlingCode(code).setNamedRecipients(List.of()).setHandlingRestrictions(List.of())
                .setRuleId(NOTICE_RULE).setRuleVersion(1).setSourceEventIds(sources).setFirstEventTime(first).setRaisedAt(raised)
                .setSummary(summary).setRecommendedAction(action).setParties(List.of()).setKilograms(0).setAttributes(attributes)
                .setRevision(1).setStatus(CaseStatus.OPEN).setMergedInto(null).setScore(0).setScoreReasons(List.of())
                .setRules(List.of()).setFirstRaisedAt(raised).build();
    }

    private static String code(HandlingCode c) {
        return c.name().replace("TLP_", "TLP:").replace("AMBER_STRICT", "AMBER+STRICT");
    }
}
