package eu.portalliance.topology;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.CriterionMatch;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.ScanAction;
import eu.portalliance.avro.ScanRecommendation;
import eu.portalliance.avro.ScreeningCriterion;
import eu.portalliance.avro.ScreeningProfile;
import eu.portalliance.topics.Topics;
import eu.portalliance.topology.avro.IntelligenceKind;
import eu.portalliance.topology.query.EntityRef;
import eu.portalliance.topology.screening.IntelligenceFacts;
import eu.portalliance.topology.screening.ScreeningProfiles;
import eu.portalliance.validation.RejectReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pre-arrival screening in the whole topology: intelligence from port events, the profile, the handling codes. */
class ScreeningTopologyTest {
    private static final Instant T = Events.T0;
    @TempDir
    Path dir;
    TopologyFixture alliance;

    @BeforeEach
    void start() {
        alliance = new TopologyFixture(TopologyFixture.config(dir));
        alliance.screeningProfile(ScreeningProfiles.initial());
    }

    @AfterEach
    void stop() {
        alliance.close();
    }

    private ScanRecommendation only(String port) {
        List<ScanRecommendation> out = alliance.recommendationsOf(port).readValuesToList();
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static CriterionMatch criterion(ScanRecommendation r, ScreeningCriterion c) {
        return r.getCriteria().stream().filter(m -> m.getCriterion() == c).findFirst().orElseThrow(
                () -> new AssertionError(c + " did not match: " + r.getCriteria()));
    }

    @Test
    void aContainerSeizedAtAnotherPortIsRecommendedForAScanBeforeItLands() {
        alliance.seizure(Events.seizure("SZ-BEANR-1", "BEANR", T).build());
        alliance.arrival(Events.arrival("ENS-NLRTM-1", "NLRTM", T.plus(Duration.ofDays(10))).build());

        ScanRecommendation r = only("NLRTM");
        assertThat(r.getArrivalEventId()).isEqualTo("ENS-NLRTM-1");
        assertThat(r.getContainerNumber()).isEqualTo(Events.CONTAINER);
        assertThat(r.getProfileVersion()).isEqualTo(1);
        CriterionMatch hit = r.getCriteria().stream().filter(m -> m.getDetail().startsWith("container ")).findFirst().orElseThrow();
        assertThat(hit.getCriterion()).isEqualTo(ScreeningCriterion.ENTITY_HIT);
        assertThat(hit.getLineage()).containsExactly("SZ-BEANR-1");
        assertThat(hit.getDetail()).isEqualTo("container " + Events.CONTAINER + ": seized at BEANR on 2024-03-01");
        assertThat(r.getAction()).isIn(ScanAction.SCAN, ScanAction.PHYSICAL);
        assertThat(r.getRecommendationId()).startsWith("SCAN-");
        assertThat(alliance.recommendationsOf("BEANR").isEmpty()).as("only the port of arrival hears of it").isTrue();
    }

    @Test
    void aContainerTheAllianceKnowsNothingAboutFromANeutralOriginIsNotRecommended() {
        alliance.seizure(Events.seizure("SZ-BEANR-1", "BEANR", T).build());
        alliance.arrival(Events.arrival("ENS-NLRTM-2", "NLRTM", T.plus(Duration.ofDays(10))).setContainerNumber(Events.OTHER_CONTAINER)
                .build());
        ScanRecommendation r = only("NLRTM");
        assertThat(r.getCriteria()).noneMatch(m -> m.getCriterion() == ScreeningCriterion.ENTITY_HIT);
        assertThat(r.getScore()).isZero();
        assertThat(r.getAction()).isEqualTo(r.getControlPick() ? ScanAction.SCAN : ScanAction.NONE);
    }

    @Test
    void intelligenceOlderThanTheProfilesWindowNoLongerCounts() {
        alliance.seizure(Events.seizure("SZ-BEANR-OLD", "BEANR", T.minus(Duration.ofDays(366))).build());
        alliance.arrival(Events.arrival("ENS-NLRTM-3", "NLRTM", T).build());
        assertThat(only("NLRTM").getCriteria()).noneMatch(m -> m.getCriterion() == ScreeningCriterion.ENTITY_HIT);
    }

    @Test
    void anOpenCaseIsPartOfTheLineage() {
        alliance.seizure(Events.seizure("SZ-BEANR-1", "BEANR", T).build());
        alliance.seizure(Events.seizure("SZ-DEHAM-1", "DEHAM", T.plus(Duration.ofDays(2))).build());
        String caseId = alliance.readAlerts().stream().filter(a -> a.getEntityId().equals(Events.CONTAINER))
                .map(a -> a.getAlertId()).findFirst().orElseThrow();
        alliance.arrival(Events.arrival("ENS-ESALG-1", "ESALG", T.plus(Duration.ofDays(5))).build());

        CriterionMatch hit = only("ESALG").getCriteria().stream().filter(m -> m.getDetail().startsWith("container ")).findFirst().orElseThrow();
        assertThat(hit.getLineage()).contains("SZ-DEHAM-1", caseId);
        assertThat(hit.getDetail()).contains("in open case " + caseId);
    }

    @Test
    void anotherPortsRedIntelligenceGivesTheScoreButNeverTheDetails() {
        alliance.seizure(Events.seizure("SZ-BEANR-RED", "BEANR", T).setHandlingCode(HandlingCode.TLP_RED).build());
        alliance.arrival(Events.arrival("ENS-NLRTM-RED", "NLRTM", T.plus(Duration.ofDays(1))).build());
        ScanRecommendation atRotterdam = only("NLRTM");
        CriterionMatch hit = atRotterdam.getCriteria().stream().filter(m -> m.getDetail().startsWith("container ")).findFirst().orElseThrow();
        assertThat(hit.getRestricted()).isTrue();
        assertThat(hit.getLineage()).isEmpty();
        assertThat(hit.getDetail()).isEqualTo("container " + Events.CONTAINER + ": restricted alliance intelligence");
        assertThat(atRotterdam.getRestricted()).isTrue();
        assertThat(atRotterdam.toString()).doesNotContain("SZ-BEANR-RED").doesNotContain("BEANR");
        assertThat(atRotterdam.getScore()).isGreaterThanOrEqualTo(ScreeningProfiles.initial().getEntityHitWeight());

        // The port whose intelligence it is sees it in full.
        alliance.arrival(Events.arrival("ENS-BEANR-RED", "BEANR", T.plus(Duration.ofDays(1))).build());
        CriterionMatch own = only("BEANR").getCriteria().stream().filter(m -> m.getDetail().startsWith("container ")).findFirst().orElseThrow();
        assertThat(own.getRestricted()).isFalse();
        assertThat(own.getLineage()).containsExactly("SZ-BEANR-RED");
    }

    @Test
    void amberStrictReachesOnlyThePortsItNames() {
        alliance.seizure(Events.seizure("SZ-BEANR-AS", "BEANR", T).setHandlingCode(HandlingCode.TLP_AMBER_STRICT)
                .setSharedWith(List.of("NLRTM")).build());
        alliance.arrival(Events.arrival("ENS-NLRTM-AS", "NLRTM", T.plus(Duration.ofDays(1))).build());
        alliance.arrival(Events.arrival("ENS-DEHAM-AS", "DEHAM", T.plus(Duration.ofDays(1))).build());
        assertThat(only("NLRTM").getCriteria()).anyMatch(m -> m.getLineage().contains("SZ-BEANR-AS"));
        ScanRecommendation hamburg = only("DEHAM");
        assertThat(hamburg.getRestricted()).isTrue();
        assertThat(hamburg.toString()).doesNotContain("SZ-BEANR-AS");
    }

    @Test
    void aProfileChangeAppliesFromItsOwnTimeOn() {
        Instant change = T.plus(Duration.ofDays(20));
        alliance.screeningProfile(ScreeningProfile.newBuilder(ScreeningProfiles.initial()).setVersion(2).setValidFrom(change)
                .setTransshipmentHubs(List.of("PAMIT", "BRSSZ")).setTransshipmentHubWeight(0.5).setNote("Santos watched").build());
        var viaSantos = Events.arrival("ENS-BEFORE", "NLRTM", change.minus(Duration.ofDays(1)))
                .setRoute(eu.portalliance.avro.Route.newBuilder().setPortOfLoading("ECGYE").setTransshipmentPorts(List.of("BRSSZ")).build());
        alliance.arrival(viaSantos.build());
        alliance.arrival(viaSantos.setEventId("ENS-AFTER").setNoticeTime(change.plus(Duration.ofHours(1)))
                .setEta(change.plus(Duration.ofDays(3))).build());

        List<ScanRecommendation> out = alliance.recommendationsOf("NLRTM").readValuesToList();
        assertThat(out).extracting(ScanRecommendation::getProfileVersion).containsExactly(1, 2);
        assertThat(out.get(0).getCriteria()).noneMatch(m -> m.getCriterion() == ScreeningCriterion.TRANSSHIPMENT_HUB);
        assertThat(criterion(out.get(1), ScreeningCriterion.TRANSSHIPMENT_HUB).getWeight()).isEqualTo(0.5);
    }

    @Test
    void theNewestSeizureStandsWhateverOrderThePortsEventsWereReadIn() {
        // Two ports' topics are read by different tasks: the older seizure can reach the intelligence topic last.
        alliance.seizure(Events.seizure("SZ-BEANR-NEW", "BEANR", T.plus(Duration.ofDays(2))).build());
        alliance.seizure(Events.seizure("SZ-BEANR-OLD", "BEANR", T).build());
        alliance.arrival(Events.arrival("ENS-NLRTM-ORDER", "NLRTM", T.plus(Duration.ofDays(10))).build());

        CriterionMatch hit = only("NLRTM").getCriteria().stream().filter(m -> m.getDetail().startsWith("container "))
                .findFirst().orElseThrow();
        assertThat(hit.getLineage()).contains("SZ-BEANR-NEW").doesNotContain("SZ-BEANR-OLD");
        assertThat(hit.getDetail()).contains("seized at BEANR on 2024-03-03");
    }

    @Test
    void intelligenceThatArrivesBetweenTwoNoticesCountsForTheSecond() {
        // Each stream thread keeps what it read of the intelligence until the store changes: the seizure must end that.
        alliance.arrival(Events.arrival("ENS-NLRTM-FIRST", "NLRTM", T.plus(Duration.ofDays(10))).build());
        alliance.seizure(Events.seizure("SZ-BEANR-1", "BEANR", T).build());
        alliance.arrival(Events.arrival("ENS-NLRTM-SECOND", "NLRTM", T.plus(Duration.ofDays(10))).build());

        List<ScanRecommendation> out = alliance.recommendationsOf("NLRTM").readValuesToList();
        assertThat(out).extracting(ScanRecommendation::getArrivalEventId).containsExactly("ENS-NLRTM-FIRST", "ENS-NLRTM-SECOND");
        assertThat(out.get(0).getCriteria()).noneMatch(m -> m.getCriterion() == ScreeningCriterion.ENTITY_HIT);
        assertThat(criterion(out.get(1), ScreeningCriterion.ENTITY_HIT).getLineage()).containsExactly("SZ-BEANR-1");
    }

    @Test
    void aFactDeletedFromTheIntelligenceTopicNoLongerCounts() {
        alliance.seizure(Events.seizure("SZ-BEANR-1", "BEANR", T).build());
        alliance.arrival(Events.arrival("ENS-KNOWN", "NLRTM", T.plus(Duration.ofDays(10))).build());
        String key = IntelligenceFacts.key(new EntityRef(EntityType.CONTAINER, Events.CONTAINER).storeKey(), IntelligenceKind.SEIZURE);
        alliance.driver.createInputTopic(Topics.SCREENING_INTELLIGENCE, new StringSerializer(), new ByteArraySerializer())
                .pipeInput(key, null);
        alliance.arrival(Events.arrival("ENS-FORGOTTEN", "NLRTM", T.plus(Duration.ofDays(10))).build());

        List<ScanRecommendation> out = alliance.recommendationsOf("NLRTM").readValuesToList();
        assertThat(out).extracting(ScanRecommendation::getArrivalEventId).containsExactly("ENS-KNOWN", "ENS-FORGOTTEN");
        assertThat(out.get(0).getCriteria()).anyMatch(m -> m.getDetail().startsWith("container " + Events.CONTAINER));
        assertThat(out.get(1).getCriteria()).noneMatch(m -> m.getDetail().startsWith("container " + Events.CONTAINER));
    }

    @Test
    void aProfileVersionPublishedBetweenTwoNoticesJudgesTheSecond() {
        var notice = Events.arrival("ENS-V1", "NLRTM", T.plus(Duration.ofDays(1)))
                .setRoute(eu.portalliance.avro.Route.newBuilder().setPortOfLoading("ECGYE").setTransshipmentPorts(List.of("BRSSZ")).build());
        alliance.arrival(notice.build());
        alliance.screeningProfile(ScreeningProfile.newBuilder(ScreeningProfiles.initial()).setVersion(2).setValidFrom(T)
                .setTransshipmentHubs(List.of("BRSSZ")).setTransshipmentHubWeight(0.5).setNote("Santos watched").build());
        alliance.arrival(notice.setEventId("ENS-V2").build());

        List<ScanRecommendation> out = alliance.recommendationsOf("NLRTM").readValuesToList();
        assertThat(out).extracting(ScanRecommendation::getProfileVersion).containsExactly(1, 2);
        assertThat(criterion(out.get(1), ScreeningCriterion.TRANSSHIPMENT_HUB).getWeight()).isEqualTo(0.5);
    }

    @Test
    void theSameNoticeAlwaysGetsTheSameRecommendation() {
        alliance.seizure(Events.seizure("SZ-BEANR-1", "BEANR", T).build());
        var notice = Events.arrival("ENS-NLRTM-R", "NLRTM", T.plus(Duration.ofDays(10))).build();
        alliance.arrival(notice);
        alliance.arrival(notice);
        List<ScanRecommendation> out = alliance.recommendationsOf("NLRTM").readValuesToList();
        assertThat(out).hasSize(2);
        assertThat(out.get(1)).isEqualTo(out.get(0));
    }

    @Test
    void aBadNoticeGoesToTheDeadLetterTopicWithItsReason() {
        alliance.arrival(Events.arrival("ENS-BAD-1", "NLRTM", T).setContainerNumber("CSQU3054384").build());
        alliance.arrival(Events.arrival("ENS-BAD-2", "NLRTM", T).setGrossMassKg(250_000).build());
        alliance.arrival(Events.arrival("ENS-GOOD", "NLRTM", T).build());
        var dead = alliance.dlq.readRecordsToList();
        assertThat(dead).extracting(r -> new String(r.headers().lastHeader(Topics.DlqHeaders.REASON).value(), StandardCharsets.UTF_8))
                .containsExactly(RejectReason.INVALID_CONTAINER_NUMBER.name(), RejectReason.INVALID_VALUE.name());
        assertThat(only("NLRTM").getArrivalEventId()).as("the next good notice is still screened").isEqualTo("ENS-GOOD");
    }
}
