package eu.portalliance.topology.alerts;

import eu.portalliance.levels.Levels;
import eu.portalliance.avro.Alert;
import eu.portalliance.avro.Severity;
import eu.portalliance.topology.rules.Evidence;
import eu.portalliance.topology.rules.Finding;
import eu.portalliance.topology.rules.InsiderSignalRule;
import eu.portalliance.topology.rules.RiskOriginRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a finding into an alert: severity raised by the modifiers (R2 risk origin, R7 insider signals) with their
 * reasons, the most restrictive handling code of the sources, lineage, and a deterministic id.
 */
public final class AlertFactory {
    private final RiskOriginRule riskRule = new RiskOriginRule();
    private final InsiderSignalRule insiderRule = new InsiderSignalRule();
    private final RiskOriginRule.Lookup riskOrigins;

    /** @param riskOrigins the risk-origin list as it stood at any time (R2 judges each source at its own time) */
    public AlertFactory(RiskOriginRule.Lookup riskOrigins) {
        this.riskOrigins = riskOrigins;
    }

    public Alert alert(Finding f) {
        Evidence e = f.evidence();
        List<String> reasons = new ArrayList<>();
        f.reasons().forEach(r -> reasons.add(f.rule().id() + ": " + r));
        int bump = 0;
        RiskOriginRule.Assessment risk = e.knownRisk().with(riskRule.assessAll(e.routes(), riskOrigins));
        int riskBump = riskRule.severityBump(risk.level());
        if (riskBump > 0 || !risk.reasons().isEmpty()) {
            risk.reasons().forEach(r -> reasons.add(riskRule.id() + ": " + r));
            bump += riskBump;
        }
        if (!e.insiderReasons().isEmpty()) {
            e.insiderReasons().forEach(r -> reasons.add(insiderRule.id() + ": " + r));
            bump += 1;
        }
        Severity severity = Levels.raise(f.baseSeverity(), bump);
        Map<String, String> attributes = new LinkedHashMap<>(f.attributes());
        AlertAttributes.putOrigins(attributes, e.origins());
        attributes.put(AlertAttributes.RULE_DESCRIPTION, f.rule().description());
        return Alert.newBuilder()
                .setAlertId(AlertIds.of(f.rule().id(), f.identity()))
                .setType(f.type())
                .setSeverity(severity)
                .setSeverityReasons(reasons)
                .setEntityType(f.entityType())
                .setEntityId(f.entityId())
                .setPorts(List.copyOf(e.ports()))
                .setAddressedTo(f.addressedTo())
                .setHandlingCode(e.handlingCode())
                .setNamedRecipients(e.namedRecipients())
                .setHandlingRestrictions(e.restrictions())
                .setRuleId(f.rule().id())
                .setRuleVersion(f.rule().version())
                .setSourceEventIds(e.eventIds())
                .setFirstEventTime(Instant.ofEpochMilli(e.firstEventTime()))
                .setRaisedAt(Instant.ofEpochMilli(e.lastEventTime()))
                .setSummary(f.summary())
                .setRecommendedAction(f.recommendedAction())
                .setParties(e.parties())
                .setKilograms(e.kilograms())
                .setAttributes(attributes)
                .build();
    }
}
