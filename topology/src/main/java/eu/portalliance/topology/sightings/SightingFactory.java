package eu.portalliance.topology.sightings;

import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.Party;
import eu.portalliance.avro.Route;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.avro.SightingKind;
import eu.portalliance.topology.query.RouteKey;
import eu.portalliance.topology.rules.RiskOriginRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns one port event into one sighting per entity it is about, each carrying what the rules need, including the
 * R2 risk assessment of its route at the event's time (done once here, not once per rule).
 */
public final class SightingFactory {
    private final RiskOriginRule riskRule;
    private final RiskOriginRule.Lookup riskLookup;

    public SightingFactory(RiskOriginRule riskRule, RiskOriginRule.Lookup riskLookup) {
        this.riskRule = riskRule;
        this.riskLookup = riskLookup;
    }

    /** Container, bill of lading, vessel and both parties of a seizure: the seizure is evidence about each. */
    public List<Sighting> ofSeizure(SeizureReport s) {
        Sighting base = seizureBase(s);
        List<Sighting> out = new ArrayList<>();
        add(out, base, EntityType.CONTAINER, s.getContainerNumber());
        add(out, base, EntityType.BILL_OF_LADING, s.getBillOfLading());
        add(out, base, EntityType.VESSEL, s.getVesselImo());
        for (Party p : base.getParties()) {
            add(out, base, EntityType.PARTY, PartyKeys.of(p));
        }
        return out;
    }

    /** The seizure as a point on its origin → port route, for the surge rule. */
    public List<Sighting> routeOf(SeizureReport s) {
        return List.of(Sighting.newBuilder(seizureBase(s)).setEntityType(EntityType.ROUTE)
                .setEntityId(new RouteKey(s.getRoute().getPortOfLoading(), s.getReportingPort()).toString()).build());
    }

    private Sighting seizureBase(SeizureReport s) {
        return base(s.getEventId(), SightingKind.SEIZURE, s.getReportingPort(), s.getEventTime().toEpochMilli(),
                s.getRoute(), s.getNextPortsOfCall())
                .setHandlingCode(s.getHandlingCode())
                .setHandlingRestrictions(s.getHandlingRestrictions())
                .setSharedWith(s.getSharedWith())
                .setKilograms(s.getKilograms())
                .setDrugType(s.getDrugType().name())
                .setContainerNumber(s.getContainerNumber())
                .setBillOfLading(s.getBillOfLading())
                .setVesselImo(s.getVesselImo())
                .setParties(parties(s.getShipper(), s.getConsignee()))
                .build();
    }

    /**
     * The suspicion's subject, plus its container's bill of lading: a warning about a vessel is not a warning about
     * every container on board, but a warning about a container is one about its bill of lading.
     */
    public List<Sighting> ofSuspicion(SuspiciousContainerEvent e) {
        Sighting base = base(e.getEventId(), SightingKind.SUSPICION, e.getReportingPort(), e.getEventTime().toEpochMilli(),
                e.getRoute(), e.getNextPortsOfCall())
                .setHandlingCode(e.getHandlingCode())
                .setHandlingRestrictions(e.getHandlingRestrictions())
                .setSharedWith(e.getSharedWith())
                .setIndicators(e.getIndicators())
                .setContainerNumber(e.getContainerNumber())
                .setBillOfLading(e.getBillOfLading())
                .setVesselImo(e.getVesselImo())
                .setParties(parties(e.getParty()))
                .build();
        List<Sighting> out = new ArrayList<>();
        switch (e.getSubjectType()) {
            case CONTAINER, BILL_OF_LADING -> {
                add(out, base, EntityType.CONTAINER, e.getContainerNumber());
                add(out, base, EntityType.BILL_OF_LADING, e.getBillOfLading());
            }
            case VESSEL -> add(out, base, EntityType.VESSEL, e.getVesselImo());
            case PARTY -> add(out, base, EntityType.PARTY, PartyKeys.of(e.getParty()));
            default -> {
            }
        }
        if (e.getSubjectType() != eu.portalliance.avro.SubjectType.PARTY && e.getParty() != null) {
            add(out, base, EntityType.PARTY, PartyKeys.of(e.getParty()));
        }
        return out;
    }

    private Sighting.Builder base(String eventId, SightingKind kind, String port, long time, Route route,
                                  List<String> nextPorts) {
        List<String> codes = new ArrayList<>();
        if (route != null) {
            codes.add(route.getPortOfLoading());
            codes.addAll(route.getTransshipmentPorts());
        }
        RiskOriginRule.Assessment risk = riskRule.assess(codes, time, riskLookup);
        return Sighting.newBuilder()
                .setEventId(eventId).setKind(kind).setPort(port)
                .setEventTime(java.time.Instant.ofEpochMilli(time))
                .setEntityType(EntityType.OTHER).setEntityId("")
                .setOriginPort(route == null ? null : route.getPortOfLoading())
                .setRouteCodes(codes)
                .setNextPortsOfCall(nextPorts)
                .setRiskLevel(risk.level())
                .setRiskReasons(risk.reasons());
    }

    private static List<Party> parties(Party... parties) {
        return java.util.Arrays.stream(parties).filter(Objects::nonNull).toList();
    }

    private static void add(List<Sighting> out, Sighting base, EntityType type, String id) {
        if (id != null && !id.isBlank()) {
            out.add(Sighting.newBuilder(base).setEntityType(type).setEntityId(id).build());
        }
    }
}
