package eu.portalliance.topology.screening;

import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.avro.ScanRecommendation;
import eu.portalliance.avro.ScreeningProfile;
import eu.portalliance.topology.avro.IntelligenceFact;
import eu.portalliance.topology.reference.RiskOriginLookup;
import eu.portalliance.topology.rules.RiskOriginRule;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screens each arrival notice where it arrives: the intelligence, the profiles and the risk list are global stores
 * every instance holds, so a 15,000-container vessel call takes no repartition and no state of its own.
 */
public final class ArrivalScreener implements Processor<String, ArrivalNotice, String, ScanRecommendation> {
    private static final Logger log = LoggerFactory.getLogger(ArrivalScreener.class);

    private final String intelligenceStore;
    private final String profileStore;
    private final String riskStore;
    private ProcessorContext<String, ScanRecommendation> context;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<IntelligenceFact>> intelligence;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<ScreeningProfile>> profiles;
    private RiskOriginRule.Lookup risk;
    private boolean warnedNoProfile;

    public ArrivalScreener(String intelligenceStore, String profileStore, String riskStore) {
        this.intelligenceStore = intelligenceStore;
        this.profileStore = profileStore;
        this.riskStore = riskStore;
    }

    @Override
    public void init(ProcessorContext<String, ScanRecommendation> context) {
        this.context = context;
        this.intelligence = context.getStateStore(intelligenceStore);
        this.profiles = context.getStateStore(profileStore);
        this.risk = RiskOriginLookup.in(context, riskStore);
    }

    @Override
    public void process(Record<String, ArrivalNotice> record) {
        ArrivalNotice notice = record.value();
        ScreeningProfile profile = ScreeningProfiles.asOf(profiles, notice.getNoticeTime().toEpochMilli()).orElseGet(() -> {
            if (!warnedNoProfile) {
                warnedNoProfile = true;
                log.warn("no screening profile in force at {} on {}: screening with the initial profile; publish one "
                        + "with bin/alliance profile set", notice.getNoticeTime(), profileStore);
            }
            return ScreeningProfiles.initial();
        });
        ScanRecommendation recommendation = Screening.judge(notice, profile, this::facts, risk);
        context.forward(record.withKey(notice.getContainerNumber()).withValue(recommendation));
    }

    private List<IntelligenceFact> facts(String entityStoreKey) {
        List<IntelligenceFact> out = new ArrayList<>(3);
        for (String key : Screening.factKeys(entityStoreKey)) {
            ValueAndTimestamp<IntelligenceFact> fact = intelligence.get(key);
            if (fact != null && fact.value() != null) {
                out.add(fact.value());
            }
        }
        return out;
    }
}
