package eu.portalliance.topology.screening;

import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.avro.ScanRecommendation;
import eu.portalliance.avro.ScreeningProfile;
import eu.portalliance.topology.avro.IntelligenceFact;
import eu.portalliance.topology.avro.WithheldMatch;
import eu.portalliance.topology.reference.ReferenceChanges;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screens each arrival notice where it arrives: the intelligence, the profiles and the risk list are global stores
 * every instance holds, so a 15,000-container vessel call takes no repartition and no state of its own.
 */
public final class ArrivalScreener implements Processor<String, ArrivalNotice, String, Screened> {
    private static final Logger log = LoggerFactory.getLogger(ArrivalScreener.class);

    private final String intelligenceStore;
    private final ReferenceChanges intelligenceChanges;
    private final String profileStore;
    private final ReferenceChanges profileChanges;
    private final String riskStore;
    private ProcessorContext<String, Screened> context;
    private Screening.Intelligence intelligence;
    private ReadOnlyKeyValueStore<String, ScreeningProfile> profiles;
    private RiskOriginRule.Lookup risk;
    /** The profile versions, read again only when the store changes: iterating the store per notice cost a lot. */
    private List<ScreeningProfile> versions = List.of();
    private long versionsReadAtChange = -1;
    private boolean warnedNoProfile;

    public ArrivalScreener(String intelligenceStore, ReferenceChanges intelligenceChanges, String profileStore,
                           ReferenceChanges profileChanges, String riskStore) {
        this.intelligenceStore = intelligenceStore;
        this.intelligenceChanges = intelligenceChanges;
        this.profileStore = profileStore;
        this.profileChanges = profileChanges;
        this.riskStore = riskStore;
    }

    @Override
    public void init(ProcessorContext<String, Screened> context) {
        this.context = context;
        this.intelligence = new RememberedIntelligence(context.getStateStore(intelligenceStore), intelligenceChanges);
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
        Screening.Judgement judged = Screening.screen(notice, profile, intelligence, risk);
        ScanRecommendation r = judged.recommendation();
        context.forward(record.withKey(notice.getContainerNumber()).withValue(new Screened(r, notice.getNoticeTime(),
                r.getScore() >= profile.getScanThreshold(), withheld(notice, judged.withheld()))));
    }

    private List<ScreeningProfile> versions() {
        long change = profileChanges.current();
        if (change != versionsReadAtChange) {
            List<ScreeningProfile> read = new ArrayList<>();
            try (KeyValueIterator<String, ScreeningProfile> it = profiles.all()) {
                it.forEachRemaining(next -> read.add(next.value));
            }
            versions = read;
            versionsReadAtChange = change;
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
}
