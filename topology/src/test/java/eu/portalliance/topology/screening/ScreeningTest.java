package eu.portalliance.topology.screening;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.avro.CriterionMatch;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.Party;
import eu.portalliance.avro.RiskLevel;
import eu.portalliance.avro.RiskOrigin;
import eu.portalliance.avro.Route;
import eu.portalliance.avro.ScanAction;
import eu.portalliance.avro.ScanRecommendation;
import eu.portalliance.avro.ScreeningCriterion;
import eu.portalliance.avro.ScreeningProfile;
import eu.portalliance.avro.EntityType;
import eu.portalliance.topology.avro.IntelligenceFact;
import eu.portalliance.topology.avro.IntelligenceKind;
import eu.portalliance.topology.query.EntityRef;
import eu.portalliance.topology.query.RouteKey;
import eu.portalliance.topology.rules.RiskOriginRule;
import eu.portalliance.topology.sightings.PartyKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each criterion of the profile on its own, on the pure judging function. */
class ScreeningTest {
    private static final Instant T = Instant.parse("2025-03-01T06:00:00Z");
    private static final ScreeningProfile PROFILE = ScreeningProfiles.initial();
    private static final RiskOriginRule.Lookup NO_RISK = (code, time) -> Optional.empty();
    private static final RiskOriginRule.Lookup ECUADOR_HIGH = (code, time) -> code.equals("EC")
            ? Optional.of(RiskOrigin.newBuilder().setCode("EC").setLevel(RiskLevel.HIGH).setValidFrom(Instant.parse("2020-01-01T00:00:00Z")).build())
            : Optional.empty();
    private static final Screening.Intelligence NOTHING = key -> List.of();

    private static ArrivalNotice.Builder notice(String id) {
        return ArrivalNotice.newBuilder().setEventId(id).setReportingPort("NLRTM").setNoticeTime(T)
                .setVesselImo("9321483").setEta(T.plus(Duration.ofDays(4))).setContainerNumber("MSCU7301240")
                .setRoute(Route.newBuilder().setPortOfLoading("ECGYE").setTransshipmentPorts(List.of()).build())
                .setDeclaredHsCode("8471").setReefer(false).setGrossMassKg(20_000).setHandlingCode(HandlingCode.TLP_AMBER);
    }

    private static Optional<CriterionMatch> match(ScanRecommendation r, ScreeningCriterion c) {
        return r.getCriteria().stream().filter(m -> m.getCriterion() == c).findFirst();
    }

    @Test
    void aRiskOriginCountsAsListedAtTheNoticesTime() {
        ScanRecommendation listed = Screening.judge(notice("N1").build(), PROFILE, NOTHING, ECUADOR_HIGH);
        assertThat(match(listed, ScreeningCriterion.RISK_ORIGIN)).get().satisfies(m -> {
            assertThat(m.getWeight()).isEqualTo(PROFILE.getRiskOriginWeight());
            assertThat(m.getDetail()).contains("EC (HIGH");
        });
        assertThat(match(Screening.judge(notice("N1").build(), PROFILE, NOTHING, NO_RISK), ScreeningCriterion.RISK_ORIGIN)).isEmpty();
    }

    @Test
    void anOpenRouteCaseOnTheOriginCountryToThisPortWithinTheSurgeWindow() {
        String key = new RouteKey("EC", "NLRTM").entity().storeKey();
        Screening.Intelligence surge = k -> k.equals(key) ? List.of(new IntelligenceFact(IntelligenceKind.CASE, "CASE-r14",
                List.of("NLRTM"), T.minus(Duration.ofDays(PROFILE.getRouteSurgeDays() - 1)), HandlingCode.TLP_AMBER, List.of(), true))
                : List.of();
        ScanRecommendation r = Screening.judge(notice("N9").build(), PROFILE, surge, NO_RISK);
        assertThat(match(r, ScreeningCriterion.ROUTE_SURGE)).get().satisfies(m -> {
            assertThat(m.getWeight()).isEqualTo(PROFILE.getRouteSurgeWeight());
            assertThat(m.getLineage()).containsExactly("CASE-r14");
            assertThat(m.getDetail()).startsWith("route ECGYE>NLRTM / EC>NLRTM: in open case CASE-r14");
        });
        assertThat(r.getOriginCountry()).isEqualTo("EC");
        assertThat(r.getRiskOrigin()).isFalse();

        Screening.Intelligence old = k -> k.equals(key) ? List.of(new IntelligenceFact(IntelligenceKind.CASE, "CASE-r14",
                List.of("NLRTM"), T.minus(Duration.ofDays(PROFILE.getRouteSurgeDays() + 1)), HandlingCode.TLP_AMBER, List.of(), true))
                : List.of();
        assertThat(match(Screening.judge(notice("N9").build(), PROFILE, old, NO_RISK), ScreeningCriterion.ROUTE_SURGE))
                .as("older than the surge window").isEmpty();
        ArrivalNotice fromBrazil = notice("N10").setRoute(Route.newBuilder().setPortOfLoading("BRSSZ").setTransshipmentPorts(List.of()).build())
                .build();
        assertThat(match(Screening.judge(fromBrazil, PROFILE, surge, NO_RISK), ScreeningCriterion.ROUTE_SURGE))
                .as("another origin's route").isEmpty();

        // A route surge (R13) is on a port of loading: Guayaquil's surge is not Esmeraldas's.
        String guayaquil = new RouteKey("ECGYE", "NLRTM").entity().storeKey();
        Screening.Intelligence r13 = k -> k.equals(guayaquil) ? List.of(new IntelligenceFact(IntelligenceKind.CASE, "CASE-r13",
                List.of("NLRTM"), T.minus(Duration.ofDays(3)), HandlingCode.TLP_GREEN, List.of(), true)) : List.of();
        assertThat(match(Screening.judge(notice("N11").build(), PROFILE, r13, NO_RISK), ScreeningCriterion.ROUTE_SURGE)).get()
                .extracting(CriterionMatch::getLineage).isEqualTo(List.of("CASE-r13"));
        ArrivalNotice fromEsmeraldas = notice("N12").setRoute(Route.newBuilder().setPortOfLoading("ECESM").setTransshipmentPorts(List.of())
                .build()).build();
        assertThat(match(Screening.judge(fromEsmeraldas, PROFILE, r13, NO_RISK), ScreeningCriterion.ROUTE_SURGE)).isEmpty();
    }

    @Test
    void intelligenceDatedAfterTheNoticeDoesNotCount() {
        String container = new EntityRef(EntityType.CONTAINER, "MSCU7301240").storeKey();
        Screening.Intelligence at = k -> k.equals(container) ? List.of(new IntelligenceFact(IntelligenceKind.SEIZURE, "SZ-LATER",
                List.of("BEANR"), T.plus(Duration.ofDays(1)), HandlingCode.TLP_GREEN, List.of(), true)) : List.of();
        assertThat(match(Screening.judge(notice("N13").build(), PROFILE, at, NO_RISK), ScreeningCriterion.ENTITY_HIT))
                .as("a replay judges by what was known at the notice's time").isEmpty();
        assertThat(match(Screening.judge(notice("N13").setNoticeTime(T.plus(Duration.ofDays(2))).build(), PROFILE, at, NO_RISK),
                ScreeningCriterion.ENTITY_HIT)).isPresent();
    }

    @Test
    void aTransshipmentHubOfTheProfile() {
        ArrivalNotice viaPanama = notice("N2").setRoute(Route.newBuilder().setPortOfLoading("COBUN")
                .setTransshipmentPorts(List.of("ESVLC", "PAMIT")).build()).build();
        assertThat(match(Screening.judge(viaPanama, PROFILE, NOTHING, NO_RISK), ScreeningCriterion.TRANSSHIPMENT_HUB)).get()
                .extracting(CriterionMatch::getDetail).isEqualTo("transshipped at PAMIT");
        assertThat(match(Screening.judge(notice("N2").build(), PROFILE, NOTHING, NO_RISK), ScreeningCriterion.TRANSSHIPMENT_HUB)).isEmpty();
    }

    @Test
    void aConcealmentPatternNeedsARiskOrigin() {
        ArrivalNotice bananas = notice("N3").setDeclaredHsCode("080390").build();
        ArrivalNotice reefer = notice("N4").setReefer(true).build();
        assertThat(match(Screening.judge(bananas, PROFILE, NOTHING, ECUADOR_HIGH), ScreeningCriterion.CONCEALMENT_PATTERN)).get()
                .extracting(CriterionMatch::getDetail).isEqualTo("HS 080390 from risk origin ECGYE");
        assertThat(match(Screening.judge(reefer, PROFILE, NOTHING, ECUADOR_HIGH), ScreeningCriterion.CONCEALMENT_PATTERN)).isPresent();
        assertThat(match(Screening.judge(bananas, PROFILE, NOTHING, NO_RISK), ScreeningCriterion.CONCEALMENT_PATTERN)).isEmpty();
        assertThat(match(Screening.judge(notice("N5").build(), PROFILE, NOTHING, ECUADOR_HIGH), ScreeningCriterion.CONCEALMENT_PATTERN)).isEmpty();
    }

    @Test
    void aConsigneeKnownToTheAllianceIsFoundByItsPartyKey() {
        Party consignee = Party.newBuilder().setName("Fruit Import B.V.").setEori("NL123456789").build();
        String key = IntelligenceFacts.key(new EntityRef(EntityType.PARTY, PartyKeys.of(consignee)).storeKey(), IntelligenceKind.SUSPICION);
        IntelligenceFact fact = new IntelligenceFact(IntelligenceKind.SUSPICION, "SUS-ESALG-9", List.of("ESALG"),
                T.minus(Duration.ofDays(30)), HandlingCode.TLP_GREEN, List.of(), true);
        Map<String, IntelligenceFact> known = Map.of(key, fact);
        Screening.Intelligence intelligence = entity -> Screening.factKeys(entity).stream().filter(known::containsKey).map(known::get).toList();
        ScanRecommendation r = Screening.judge(notice("N6").setConsignee(consignee).build(), PROFILE, intelligence, NO_RISK);
        assertThat(match(r, ScreeningCriterion.ENTITY_HIT)).get().satisfies(m -> {
            assertThat(m.getDetail()).isEqualTo("consignee Fruit Import B.V.: flagged by ESALG on 2025-01-30");
            assertThat(m.getLineage()).containsExactly("SUS-ESALG-9");
        });
        assertThat(r.getAction()).isEqualTo(ScanAction.SCAN);
    }

    @Test
    void scoresAboveThePhysicalThresholdAskForAPhysicalCheck() {
        Screening.Intelligence everything = entity -> List.of(new IntelligenceFact(IntelligenceKind.SEIZURE, "SZ-" + entity,
                List.of("BEANR"), T.minus(Duration.ofDays(3)), HandlingCode.TLP_GREEN, List.of(), true));
        ScanRecommendation r = Screening.judge(notice("N7").build(), PROFILE, everything, ECUADOR_HIGH);
        assertThat(r.getScore()).isGreaterThanOrEqualTo(PROFILE.getPhysicalThreshold());
        assertThat(r.getAction()).isEqualTo(ScanAction.PHYSICAL);
    }

    @Test
    void aClosedCaseNoLongerCounts() {
        Screening.Intelligence merged = entity -> List.of(new IntelligenceFact(IntelligenceKind.CASE, "CASE-1", List.of("BEANR"),
                T.minus(Duration.ofDays(3)), HandlingCode.TLP_GREEN, List.of(), false));
        assertThat(match(Screening.judge(notice("N8").build(), PROFILE, merged, NO_RISK), ScreeningCriterion.ENTITY_HIT)).isEmpty();
    }

    @Test
    void theControlShareIsDrawnFromTheNoticeAndTheVersionAlone() {
        int picked = 0;
        int notices = 20_000;
        for (int i = 0; i < notices; i++) {
            ScanRecommendation r = Screening.judge(notice("CTRL-" + i).build(), PROFILE, NOTHING, NO_RISK);
            if (r.getControlPick()) {
                picked++;
                assertThat(r.getAction()).isEqualTo(ScanAction.SCAN);
                assertThat(match(r, ScreeningCriterion.CONTROL)).isPresent();
            }
        }
        // 1 % of 20,000 is 200; a binomial spread of four standard deviations is about ±56.
        assertThat(picked).isBetween(144, 256);
        assertThat(Screening.controlDraw("CTRL-7", 1)).isEqualTo(Screening.controlDraw("CTRL-7", 1))
                .isNotEqualTo(Screening.controlDraw("CTRL-7", 2));
    }
}
