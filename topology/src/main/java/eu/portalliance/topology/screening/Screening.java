package eu.portalliance.topology.screening;

import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.avro.CriterionMatch;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.Party;
import eu.portalliance.avro.RiskLevel;
import eu.portalliance.avro.ScanAction;
import eu.portalliance.avro.ScanRecommendation;
import eu.portalliance.avro.ScreeningCriterion;
import eu.portalliance.avro.ScreeningProfile;
import eu.portalliance.topology.avro.IntelligenceFact;
import eu.portalliance.topology.avro.IntelligenceKind;
import eu.portalliance.ids.UnLocode;
import eu.portalliance.topology.query.EntityRef;
import eu.portalliance.topology.query.RouteKey;
import eu.portalliance.topology.rules.RiskOriginRule;
import eu.portalliance.topology.sightings.PartyKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Judges one arrival notice by one profile version: the criteria that match, the score, the action, and what the
 * receiving port may see of each source. A pure function of the notice, the profile, what the alliance knows about
 * the notice's entities, and the risk list at the notice's time.
 */
public final class Screening {
    static final String RESTRICTED = "restricted alliance intelligence";

    /** What the alliance knows about one entity (its facts of every kind). */
    @FunctionalInterface
    public interface Intelligence {
        List<IntelligenceFact> about(String entityStoreKey);

        /** Only the entity's case: a route has no seizures or suspicions of its own, so one lookup, not three. */
        default List<IntelligenceFact> caseOf(String entityStoreKey) {
            return about(entityStoreKey).stream().filter(f -> f.getKind() == IntelligenceKind.CASE).toList();
        }
    }

    private Screening() {
    }

    /**
     * A recommendation, and the intelligence it matched that the receiving port may not see: its originating ports
     * are told (never the receiving port).
     */
    public record Judgement(ScanRecommendation recommendation, List<IntelligenceFact> withheld) {
    }

    public static ScanRecommendation judge(ArrivalNotice a, ScreeningProfile p, Intelligence intelligence, RiskOriginRule.Lookup risk) {
        return screen(a, p, intelligence, risk).recommendation();
    }

    public static Judgement screen(ArrivalNotice a, ScreeningProfile p, Intelligence intelligence, RiskOriginRule.Lookup risk) {
        long at = a.getNoticeTime().toEpochMilli();
        List<CriterionMatch> matches = new ArrayList<>();
        List<IntelligenceFact> withheld = new ArrayList<>();
        entities(a).forEach((label, entity) -> entityHit(label, entity, a, p, intelligence, withheld).ifPresent(matches::add));

        String loading = a.getRoute().getPortOfLoading();
        RiskOriginRule.Assessment origin = new RiskOriginRule().assess(List.of(loading), at, risk);
        boolean riskOrigin = origin.level() != RiskLevel.NONE;
        if (riskOrigin) {
            matches.add(match(ScreeningCriterion.RISK_ORIGIN, p.getRiskOriginWeight(), String.join("; ", origin.reasons()), List.of()));
        }
        List<String> hubs = a.getRoute().getTransshipmentPorts().stream().filter(p.getTransshipmentHubs()::contains).toList();
        if (!hubs.isEmpty()) {
            matches.add(match(ScreeningCriterion.TRANSSHIPMENT_HUB, p.getTransshipmentHubWeight(),
                    "transshipped at " + String.join(", ", hubs), List.of()));
        }
        String country = UnLocode.isValid(loading) ? UnLocode.country(loading) : null;
        List<RouteKey> routes = country == null ? List.of(new RouteKey(loading, a.getReportingPort()))
                : List.of(new RouteKey(loading, a.getReportingPort()), new RouteKey(country, a.getReportingPort()));
        routeSurge(routes, a, p, intelligence, withheld).ifPresent(matches::add);
        if (riskOrigin) {
            String hs = a.getDeclaredHsCode();
            boolean cover = hs != null && p.getConcealmentHsPrefixes().stream().anyMatch(hs::startsWith);
            if (a.getReefer() || cover) {
                matches.add(match(ScreeningCriterion.CONCEALMENT_PATTERN, p.getConcealmentWeight(),
                        (a.getReefer() ? "reefer" : "") + (a.getReefer() && cover ? ", " : "") + (cover ? "HS " + hs : "")
                                + " from risk origin " + loading, List.of()));
            }
        }
        double score = Math.round(matches.stream().mapToDouble(CriterionMatch::getWeight).sum() * 100) / 100.0;
        byte[] draw = digest(a.getEventId(), p.getVersion());
        boolean control = controlDraw(draw) < p.getControlShare();
        if (control) {
            matches.add(match(ScreeningCriterion.CONTROL, 0.0, "random control pick (" + p.getControlShare() * 100
                    + " % of notices)", List.of()));
        }
        ScanAction action = score >= p.getPhysicalThreshold() ? ScanAction.PHYSICAL
                : score >= p.getScanThreshold() || control ? ScanAction.SCAN : ScanAction.NONE;
        ScanRecommendation recommendation = ScanRecommendation.newBuilder()
                .setRecommendationId(recommendationId(draw))
                .setArrivalEventId(a.getEventId()).setPort(a.getReportingPort())
                .setContainerNumber(a.getContainerNumber()).setVesselImo(a.getVesselImo()).setVoyage(a.getVoyage())
                .setEta(a.getEta()).setScore(score).setAction(action).setCriteria(matches)
                .setProfileVersion(p.getVersion()).setControlPick(control)
                .setOriginCountry(country).setRiskOrigin(riskOrigin)
                .setRestricted(matches.stream().anyMatch(CriterionMatch::getRestricted))
                .build();
        return new Judgement(recommendation, withheld);
    }

    /** The entities a notice names, by what the officer calls them. */
    static Map<String, EntityRef> entities(ArrivalNotice a) {
        Map<String, EntityRef> out = new LinkedHashMap<>();
        out.put("container " + a.getContainerNumber(), new EntityRef(EntityType.CONTAINER, a.getContainerNumber()));
        if (a.getBillOfLading() != null && !a.getBillOfLading().isBlank()) {
            out.put("bill of lading " + a.getBillOfLading(), new EntityRef(EntityType.BILL_OF_LADING, a.getBillOfLading()));
        }
        out.put("vessel IMO " + a.getVesselImo(), new EntityRef(EntityType.VESSEL, a.getVesselImo()));
        party("shipper", a.getShipper(), out);
        party("consignee", a.getConsignee(), out);
        return out;
    }

    private static void party(String role, Party party, Map<String, EntityRef> out) {
        if (party != null) {
            out.put(role + " " + party.getName(), new EntityRef(EntityType.PARTY, PartyKeys.of(party)));
        }
    }

    private static Optional<CriterionMatch> entityHit(String label, EntityRef entity, ArrivalNotice a, ScreeningProfile p,
                                                      Intelligence intelligence, List<IntelligenceFact> withheld) {
        long from = a.getNoticeTime().minus(Duration.ofDays(p.getWindowDays())).toEpochMilli();
        List<IntelligenceFact> facts = intelligence.about(entity.storeKey()).stream()
                .filter(f -> f.getOpen() && within(f, from, a)).toList();
        return matchOf(ScreeningCriterion.ENTITY_HIT, p.getEntityHitWeight(), label, facts, a.getReportingPort(), withheld);
    }

    /**
     * An open route surge (R13) on the notice's port of loading → port of arrival, or displacement (R14) on its origin
     * country → port of arrival; once, however many match.
     */
    private static Optional<CriterionMatch> routeSurge(List<RouteKey> routes, ArrivalNotice a, ScreeningProfile p,
                                                       Intelligence intelligence, List<IntelligenceFact> withheld) {
        long from = a.getNoticeTime().minus(Duration.ofDays(p.getRouteSurgeDays())).toEpochMilli();
        List<IntelligenceFact> facts = routes.stream().flatMap(r -> intelligence.caseOf(r.entity().storeKey()).stream())
                .filter(f -> f.getOpen() && within(f, from, a)).toList();
        String label = "route " + routes.stream().map(RouteKey::toString).collect(Collectors.joining(" / "));
        return matchOf(ScreeningCriterion.ROUTE_SURGE, p.getRouteSurgeWeight(), label, facts, a.getReportingPort(), withheld);
    }

    /**
     * Evidence from the window before the notice, not after it: a replay judges a notice by what was known at its
     * time, as the risk list and the profile version are, and a seizure dated next year matches nothing today.
     */
    private static boolean within(IntelligenceFact f, long from, ArrivalNotice a) {
        long t = f.getEventTime().toEpochMilli();
        return t >= from && t <= a.getNoticeTime().toEpochMilli();
    }

    private static Optional<CriterionMatch> matchOf(ScreeningCriterion criterion, double weight, String label,
                                                    List<IntelligenceFact> facts, String port, List<IntelligenceFact> withheld) {
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        List<IntelligenceFact> visible = facts.stream().filter(f -> visibleTo(f, port)).toList();
        facts.stream().filter(f -> !visibleTo(f, port)).forEach(withheld::add);
        if (visible.isEmpty()) {
            return Optional.of(CriterionMatch.newBuilder().setCriterion(criterion).setWeight(weight)
                    .setDetail(label + ": " + RESTRICTED).setLineage(List.of()).setRestricted(true).build());
        }
        String detail = label + ": " + visible.stream().map(Screening::describe).collect(Collectors.joining("; "))
                + (visible.size() < facts.size() ? "; and " + RESTRICTED : "");
        return Optional.of(CriterionMatch.newBuilder().setCriterion(criterion).setWeight(weight).setDetail(detail)
                .setLineage(visible.stream().map(IntelligenceFact::getSourceId).toList())
                .setRestricted(visible.size() < facts.size()).build());
    }

    /** RED and AMBER+STRICT stay with the ports and recipients the source names; the rest is for every member. */
    static boolean visibleTo(IntelligenceFact f, String port) {
        boolean strict = f.getHandlingCode() == HandlingCode.TLP_RED || f.getHandlingCode() == HandlingCode.TLP_AMBER_STRICT;
        return !strict || f.getPorts().contains(port) || f.getSharedWith().contains(port);
    }

    private static String describe(IntelligenceFact f) {
        String date = f.getEventTime().atZone(ZoneOffset.UTC).toLocalDate().toString();
        String ports = String.join(", ", f.getPorts());
        return switch (f.getKind()) {
            case SEIZURE -> "seized at " + ports + " on " + date;
            case SUSPICION -> "flagged by " + ports + " on " + date;
            case CASE -> "in open case " + f.getSourceId() + " (" + ports + ")";
        };
    }

    private static CriterionMatch match(ScreeningCriterion c, double weight, String detail, List<String> lineage) {
        return CriterionMatch.newBuilder().setCriterion(c).setWeight(weight).setDetail(detail).setLineage(lineage)
                .setRestricted(false).build();
    }

    /** A number in [0, 1) fixed by the notice and the profile version: the same notice is picked (or not) on any replay. */
    static double controlDraw(String eventId, int version) {
        return controlDraw(digest(eventId, version));
    }

    private static double controlDraw(byte[] digest) {
        long bits = ByteBuffer.wrap(digest).getLong() >>> 11;
        return bits / (double) (1L << 53);
    }

    /** The recommendation's id, from the same digest as its control draw: one hash per notice. */
    private static String recommendationId(byte[] digest) {
        return "SCAN-" + HexFormat.of().formatHex(digest, 0, 10);
    }

    /** One digest per thread: looking the algorithm up for every notice cost more than hashing. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    });

    /** The notice's digest under one profile version: its control draw and its recommendation id both come from it. */
    private static byte[] digest(String eventId, int version) {
        return SHA_256.get().digest((eventId + "|" + version).getBytes(StandardCharsets.UTF_8));
    }

    /** Every kind of fact an entity may have. */
    static List<String> factKeys(String entityStoreKey) {
        List<String> keys = new ArrayList<>();
        for (IntelligenceKind kind : IntelligenceKind.values()) {
            keys.add(IntelligenceFacts.key(entityStoreKey, kind));
        }
        return keys;
    }
}
