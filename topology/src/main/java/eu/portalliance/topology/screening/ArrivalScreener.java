package eu.portalliance.topology.screening;

import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.avro.ScanRecommendation;
import eu.portalliance.avro.ScreeningProfile;
import eu.portalliance.topology.avro.IntelligenceFact;
import eu.portalliance.topology.avro.IntelligenceKind;
import eu.portalliance.topology.avro.WithheldMatch;
import eu.portalliance.topology.reference.RiskOriginLookup;
import eu.portalliance.topology.rules.RiskOriginRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screens each arrival notice where it arrives: the intelligence, the profiles and the risk list are global stores
 * every instance holds, so a 15,000-container vessel call takes no repartition and no state of its own.
 */
public final class ArrivalScreener implements Processor<String, ArrivalNotice, String, Screened> {
    private static final Logger log = LoggerFactory.getLogger(ArrivalScreener.class);
    /**
     * Reading the profile versions opened a store iterator per notice, a good part of a vessel call's cost. They are
     * kept here and read again when the next version number appears in the store (versions only go up, and
     * {@code profile set} publishes them in order), or after this long for a version published out of order.
     */
    private static final long PROFILE_REREAD_MS = 10_000;

    private final String intelligenceStore;
    private final String profileStore;
    private final String riskStore;
    private ProcessorContext<String, Screened> context;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<IntelligenceFact>> intelligence;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<ScreeningProfile>> profiles;
    private RiskOriginRule.Lookup risk;
    private List<ScreeningProfile> versions = List.of();
    private long versionsReadAt = Long.MIN_VALUE;
    private boolean warnedNoProfile;
    private final Screening.Intelligence lookups = new Screening.Intelligence() {
        @Override
        public List<IntelligenceFact> about(String entityStoreKey) {
            return facts(entityStoreKey);
        }

        @Override
        public List<IntelligenceFact> caseOf(String entityStoreKey) {
            ValueAndTimestamp<IntelligenceFact> fact = intelligence.get(IntelligenceFacts.key(entityStoreKey, IntelligenceKind.CASE));
            return fact == null || fact.value() == null ? List.of() : List.of(fact.value());
        }
    };

    public ArrivalScreener(String intelligenceStore, String profileStore, String riskStore) {
        this.intelligenceStore = intelligenceStore;
        this.profileStore = profileStore;
        this.riskStore = riskStore;
    }

    @Override
    public void init(ProcessorContext<String, Screened> context) {
        this.context = context;
        this.intelligence = context.getStateStore(intelligenceStore);
        this.profiles = context.getStateStore(profileStore);
        this.risk = RiskOriginLookup.in(context, riskStore);
    }

    @Override
    public void process(Record<String, ArrivalNotice> record) {
        ArrivalNotice notice = record.value();
        ScreeningProfile profile = ScreeningProfiles.inForce(versions(), notice.getNoticeTime().toEpochMilli()).orElseGet(() -> {
            if (!warnedNoProfile) {
                warnedNoProfile = true;
                log.warn("no screening profile in force at {} on {}: screening with the initial profile; publish one "
                        + "with bin/alliance profile set", notice.getNoticeTime(), profileStore);
            }
            return ScreeningProfiles.initial();
        });
        Screening.Judgement judged = Screening.screen(notice, profile, lookups, risk);
        ScanRecommendation r = judged.recommendation();
        context.forward(record.withKey(notice.getContainerNumber()).withValue(new Screened(r, notice.getNoticeTime(),
                r.getScore() >= profile.getScanThreshold(), withheld(notice, judged.withheld()))));
    }

    private List<ScreeningProfile> versions() {
        long now = context.currentSystemTimeMs();
        int highest = versions.stream().mapToInt(ScreeningProfile::getVersion).max().orElse(0);
        if (versions.isEmpty() || now - versionsReadAt >= PROFILE_REREAD_MS || profiles.get(Integer.toString(highest + 1)) != null) {
            List<ScreeningProfile> read = new ArrayList<>();
            try (KeyValueIterator<String, ValueAndTimestamp<ScreeningProfile>> it = profiles.all()) {
                it.forEachRemaining(next -> {
                    if (next.value != null && next.value.value() != null) {
                        read.add(next.value.value());
                    }
                });
            }
            versions = read;
            versionsReadAt = now;
        }
        return versions;
    }

    private static List<WithheldMatch> withheld(ArrivalNotice notice, List<IntelligenceFact> facts) {
        if (facts.isEmpty()) {
            return List.of();
        }
        Map<String, WithheldMatch> bySource = new LinkedHashMap<>();
        for (IntelligenceFact f : facts) {
            bySource.putIfAbsent(f.getSourceId(), new WithheldMatch(f.getSourceId(), f.getPorts(), f.getHandlingCode(),
                    notice.getReportingPort(), notice.getContainerNumber(), notice.getVesselImo(), notice.getVoyage(),
                    notice.getEta(), notice.getNoticeTime()));
        }
        return List.copyOf(bySource.values());
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
