package eu.portalliance.topology.reference;

import eu.portalliance.avro.PortInfo;
import eu.portalliance.avro.RuleHit;
import eu.portalliance.avro.RulePrecision;
import eu.portalliance.topology.cases.CaseAlerts;
import eu.portalliance.topology.cases.CaseScore;
import eu.portalliance.topology.feedback.RulePrecisions;
import eu.portalliance.topology.query.AllianceStores;
import eu.portalliance.topology.rules.PairRule;
import eu.portalliance.topology.rules.RiskOriginRule;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The reference data every task holds in full (global stores): the risk-origin list as it stood at any time, the
 * ports and their neighbours, and the precision the ports' checks gave each rule version.
 */
public final class Reference {
    private final RiskOriginRule.Lookup riskOrigins;
    private final TimestampedKeyValueStore<String, PortInfo> ports;
    private final TimestampedKeyValueStore<String, RulePrecision> precision;

    private Reference(RiskOriginRule.Lookup riskOrigins, TimestampedKeyValueStore<String, PortInfo> ports,
                      TimestampedKeyValueStore<String, RulePrecision> precision) {
        this.riskOrigins = riskOrigins;
        this.ports = ports;
        this.precision = precision;
    }

    public static Reference in(ProcessingContext context) {
        return new Reference(RiskOriginLookup.in(context, AllianceStores.RISK_ORIGINS),
                context.getStateStore(AllianceStores.PORTS), context.getStateStore(AllianceStores.RULE_PRECISION_ALL));
    }

    public RiskOriginRule.Lookup riskOrigins() {
        return riskOrigins;
    }

    /** Ports named each other's neighbours (either way) in the ports reference data. */
    public PairRule.Neighbours neighbours() {
        return (a, b) -> names(a, b) || names(b, a);
    }

    private boolean names(String port, String other) {
        ValueAndTimestamp<PortInfo> info = ports.get(port);
        return info != null && info.value() != null && info.value().getNeighbours().contains(other);
    }

    /** The smoothed precision of the leading rule's version; 50 % until the ports have reported on it. */
    public double precision(List<RuleHit> rules) {
        RuleHit lead = CaseAlerts.lead(rules);
        ValueAndTimestamp<RulePrecision> p = precision.get(RulePrecisions.key(lead.getRuleId(), lead.getRuleVersion()));
        return p == null || p.value() == null ? CaseScore.smoothedPrecision(0, 0)
                : CaseScore.smoothedPrecision(p.value().getConfirmed(), p.value().getNothingFound());
    }
}
