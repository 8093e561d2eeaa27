package eu.portalliance.topology.feedback;

import eu.portalliance.avro.AlertOutcome;
import eu.portalliance.avro.RulePrecision;
import eu.portalliance.avro.Alert;
import eu.portalliance.validation.RejectReason;
import eu.portalliance.validation.ValidationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Attributes each outcome to the rule and version that raised its alert (from the alliance's own record of the
 * alert, the table of alliance.alerts.v1, not from what the port says), keeps each port's latest outcome per alert,
 * and emits the change that makes to the rule's precision.
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
        AlertOutcome outcome = AlertOutcome.newBuilder(reported).setRuleId(alert.getRuleId())
                .setRuleVersion(alert.getRuleVersion()).build();
        String key = outcome.getAlertId() + "|" + outcome.getPort();
        AlertOutcome previous = latest.get(key);
        latest.put(key, outcome);
        String ruleKey = RulePrecisions.key(alert.getRuleId(), alert.getRuleVersion());
        if (previous != null) {
            context.forward(new Record<>(ruleKey, RulePrecisions.contribution(previous, -1), record.timestamp()));
        }
        context.forward(new Record<>(ruleKey, RulePrecisions.contribution(outcome, +1), record.timestamp()));
    }
}
