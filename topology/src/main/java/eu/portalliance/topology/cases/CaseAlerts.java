package eu.portalliance.topology.cases;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.CaseStatus;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.RuleHit;
import eu.portalliance.topology.alerts.AlertAttributes;
import eu.portalliance.topology.rules.Evidence;
import eu.portalliance.topology.rules.InsiderSignalRule;
import eu.portalliance.topology.rules.RiskOriginRule;
import eu.portalliance.topology.rules.Sightings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes the record a case revision is published as: lineage and handling code from its evidence, every rule that
 * fired, the risk-origin (R2) and insider (R7) reasons, the score and its severity band, and one line a watch room can
 * act on.
 */
public final class CaseAlerts {
    /** Which rule leads a case that several fired in: the most specific finding first. */
    private static final List<String> LEAD_ORDER = List.of("C1", "R6", "R12", "R13", "R1");
    private static final Map<String, String> ACTIONS = Map.of(
            "C1", "Review the other containers of this shipper, consignee and route; the warning was right",
            "R6", "Hold both boxes: check seals and structure against the owner's records for this number",
            "R12", "Targeted search of the vessel's containers from the same origin at the next port of call");

    private final RiskOriginRule riskRule = new RiskOriginRule();
    private final InsiderSignalRule insiderRule = new InsiderSignalRule();
    private final RiskOriginRule.Lookup riskOrigins;

    /** @param riskOrigins the risk-origin list as it stood at any time (R2 judges each source at its own time) */
    public CaseAlerts(RiskOriginRule.Lookup riskOrigins) {
        this.riskOrigins = riskOrigins;
    }

    /**
     * What a revision says besides its evidence.
     *
     * @param rules       every rule that fired, with its reasons
     * @param summary     what was found, in one line (the evidence's description is appended)
     * @param addressedTo ports that should act besides those involved
     * @param facts       what the score is computed from
     */
    public record Draft(String caseId, int revision, CaseStatus status, String mergedInto, long firstRaisedAt,
                        EntityType entityType, String entityId, Evidence evidence, List<RuleHit> rules, String summary,
                        String recommendedAction, List<String> addressedTo, Map<String, String> attributes,
                        CaseScore.Facts facts) {
    }

    /** The rule that leads a case: the most specific finding among those that fired. */
    public static RuleHit lead(List<RuleHit> rules) {
        return rules.stream().min(Comparator.comparingInt(r -> lead(r.getRuleId()))).orElseThrow();
    }

    public Alert alert(Draft d) {
        Evidence e = d.evidence();
        RuleHit lead = lead(d.rules());
        List<String> reasons = new ArrayList<>();
        d.rules().forEach(r -> r.getReasons().forEach(reason -> reasons.add(r.getRuleId() + ": " + reason)));
        RiskOriginRule.Assessment risk = e.knownRisk().with(riskRule.assessAll(e.routes(), riskOrigins));
        risk.reasons().forEach(r -> reasons.add(riskRule.id() + ": " + r));
        e.insiderReasons().forEach(r -> reasons.add(insiderRule.id() + ": " + r));
        CaseScore.Result score = CaseScore.of(d.facts());
        Map<String, String> attributes = new LinkedHashMap<>(d.attributes());
        AlertAttributes.putOrigins(attributes, e.origins());
        long raisedAt = e.lastEventTime();
        return Alert.newBuilder()
                .setAlertId(d.caseId())
                .setType(lead.getType())
                .setSeverity(score.severity())
                .setSeverityReasons(reasons)
                .setEntityType(d.entityType())
                .setEntityId(d.entityId())
                .setPorts(List.copyOf(e.ports()))
                .setAddressedTo(d.addressedTo())
                .setHandlingCode(e.handlingCode())
                .setNamedRecipients(e.namedRecipients())
                .setHandlingRestrictions(e.restrictions())
                .setRuleId(lead.getRuleId())
                .setRuleVersion(lead.getRuleVersion())
                .setSourceEventIds(e.eventIds())
                .setFirstEventTime(Instant.ofEpochMilli(e.firstEventTime()))
                .setRaisedAt(Instant.ofEpochMilli(raisedAt))
                .setSummary(d.summary())
                .setRecommendedAction(d.recommendedAction() != null ? d.recommendedAction()
                        : ACTIONS.getOrDefault(lead.getRuleId(), "Check " + Sightings.entityLabel(d.entityType()).toLowerCase(Locale.ROOT) + " "
                        + d.entityId() + " against the other ports' findings before release"))
                .setParties(e.parties())
                .setKilograms(e.kilograms())
                .setAttributes(attributes)
                .setRevision(d.revision())
                .setStatus(d.status())
                .setMergedInto(d.mergedInto())
                .setScore(score.score())
                .setScoreReasons(score.reasons())
                .setRules(d.rules())
                .setFirstRaisedAt(Instant.ofEpochMilli(d.firstRaisedAt() > 0 ? d.firstRaisedAt() : raisedAt))
                .build();
    }

    public RiskOriginRule.Assessment risk(List<String> route, long eventTime) {
        return riskRule.assess(route, eventTime, riskOrigins);
    }

    private static int lead(String ruleId) {
        int i = LEAD_ORDER.indexOf(ruleId);
        return i < 0 ? LEAD_ORDER.size() : i;
    }
}
