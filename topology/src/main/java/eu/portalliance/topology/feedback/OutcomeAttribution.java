package eu.portalliance.topology.feedback;

import eu.portalliance.avro.AlertOutcome;
import eu.portalliance.avro.RulePrecision;
import eu.portalliance.avro.Alert;
import eu.portalliance.avro.RuleHit;
import java.util.List;
import eu.portalliance.validation.RejectReason;
import eu.portalliance.validation.ValidationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Attributes each outcome to every rule and version that fired in its case (from the alliance's own record of the case,
 * the table of alliance.alerts.v1, not from what the port says), keeps each port's latest outcome per case, and emits
 * the change that makes to each rule's precision.
 */
public final class OutcomeAttribution implements Processor<String, AlertOutcome, String, RulePrecision> {
    private final String alertIndexStore;
    private final String latestStore;
    private ProcessorContext<String, RulePrecision> context;
    private TimestampedKeyValueStore<String, Alert> alerts;
    private KeyValueStore<String, AlertOutcome> latest;

    public OutcomeAttribution(String alertIndexStore, String latestStore) {
        this.alertIndexStore = alertIndexStore;
        this.latestStore = latestStore;
    }

    @Override
    public void init(ProcessorContext<String, RulePrecision> context) {
        this.context = context;
        this.alerts = context.getStateStore(alertIndexStore);
        this.latest = context.getStateStore(latestStore);
    }

    @Override
    public void process(Record<String, AlertOutcome> record) {
        AlertOutcome reported = record.value();
        ValueAndTimestamp<Alert> known = alerts.get(reported.getAlertId());
        Alert alert = known == null ? null : known.value();
        if (alert == null) {
            throw new ValidationException(RejectReason.UNKNOWN_ALERT, "alertId " + reported.getAlertId()
                    + " is not an alert the alliance raised: copy the id from the alert you checked");
        }
        for (RuleHit rule : rulesOf(alert)) {
            String ruleKey = RulePrecisions.key(rule.getRuleId(), rule.getRuleVersion());
            // Per rule: a case's rules can grow between two reports of one port, and each rule takes back only its own.
            String key = reported.getAlertId() + "|" + reported.getPort() + "|" + ruleKey;
            AlertOutcome previous = latest.get(key);
            AlertOutcome credited = attributed(reported, rule);
            latest.put(key, credited);
            if (previous != null) {
                context.forward(new Record<>(ruleKey, RulePrecisions.contribution(previous, -1), record.timestamp()));
            }
            context.forward(new Record<>(ruleKey, RulePrecisions.contribution(credited, +1), record.timestamp()));
        }
    }

    /** Every rule that fired in the case (a case from before rules were listed names its one rule). */
    private static List<RuleHit> rulesOf(Alert alert) {
        return alert.getRules().isEmpty()
                ? List.of(new RuleHit(alert.getRuleId(), alert.getRuleVersion(), alert.getType(), List.of()))
                : alert.getRules();
    }

    private static AlertOutcome attributed(AlertOutcome o, RuleHit rule) {
        return AlertOutcome.newBuilder(o).setRuleId(rule.getRuleId()).setRuleVersion(rule.getRuleVersion()).build();
    }
}
