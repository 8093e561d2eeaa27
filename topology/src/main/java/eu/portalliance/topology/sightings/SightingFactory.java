package eu.portalliance.topology.sightings;

import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.Party;
import eu.portalliance.avro.Route;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SubjectType;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.avro.SightingKind;
import eu.portalliance.topology.query.EntityRef;
import eu.portalliance.topology.query.RouteKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;

/**
 * Turns one port event into one sighting per entity it is about, keyed by the entity's store key, in one step: for a
 * seizure that includes the point on its origin → port route that the surge rule (R13) counts. Each sighting holds
 * what the rules and the alert text need from the event and no more; entities that need nothing of their own share
 * one sighting object, since no step changes a sighting once made.
 */
public final class SightingFactory {
    private SightingFactory() {
    }

    /**
     * Container, bill of lading, vessel and both parties of a seizure (the seizure is evidence about each), and the
     * seizure as a point on its route.
     */
    public static List<KeyValue<String, Sighting>> ofSeizure(SeizureReport s) {
        Sighting base = base(s.getEventId(), SightingKind.SEIZURE, s.getReportingPort(), s.getEventTime().toEpochMilli(), s.getRoute())
                .setHandlingCode(s.getHandlingCode())
                .setHandlingRestrictions(s.getHandlingRestrictions())
                .setSharedWith(s.getSharedWith())
                .setKilograms(s.getKilograms())
                .setDrugType(s.getDrugType())
                .setContainerNumber(s.getContainerNumber())
                .setVesselImo(s.getVesselImo())
                .setParties(parties(s.getShipper(), s.getConsignee()))
                .build();
        List<KeyValue<String, Sighting>> out = new ArrayList<>();
        add(out, base, EntityType.CONTAINER, s.getContainerNumber());
        add(out, base, EntityType.BILL_OF_LADING, s.getBillOfLading());
        if (s.getVesselImo() != null) {
            // Only the vessel's rule (R12) warns the next ports of call.
            Sighting vessel = copy(base);
            vessel.setNextPortsOfCall(s.getNextPortsOfCall());
            out.add(KeyValue.pair(new EntityRef(EntityType.VESSEL, s.getVesselImo()).storeKey(), vessel));
        }
        for (Party p : base.getParties()) {
            add(out, base, EntityType.PARTY, PartyKeys.of(p));
        }
        Sighting route = copy(base);
        route.setParties(List.of());
        out.add(KeyValue.pair(new EntityRef(EntityType.ROUTE,
                new RouteKey(s.getRoute().getPortOfLoading(), s.getReportingPort()).toString()).storeKey(), route));
        return out;
    }

    /**
     * The suspicion's subject, plus its container's bill of lading: a warning about a vessel is not a warning about
     * every container on board, but a warning about a container is one about its bill of lading.
     */
    public static List<KeyValue<String, Sighting>> ofSuspicion(SuspiciousContainerEvent e) {
        boolean aboutContainer = e.getSubjectType() == SubjectType.CONTAINER || e.getSubjectType() == SubjectType.BILL_OF_LADING;
        Sighting base = base(e.getEventId(), SightingKind.SUSPICION, e.getReportingPort(), e.getEventTime().toEpochMilli(), e.getRoute())
                .setHandlingCode(e.getHandlingCode())
                .setHandlingRestrictions(e.getHandlingRestrictions())
                .setSharedWith(e.getSharedWith())
                .setIndicators(e.getIndicators())
                .setSubject(e.getSubjectType())
                .setContainerNumber(aboutContainer ? e.getContainerNumber() : null)
                .setVesselImo(e.getVesselImo())
                .setParties(parties(e.getParty()))
                .build();
        List<KeyValue<String, Sighting>> out = new ArrayList<>();
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
        if (e.getSubjectType() != SubjectType.PARTY && e.getParty() != null) {
            add(out, base, EntityType.PARTY, PartyKeys.of(e.getParty()));
        }
        return out;
    }

    private static Sighting.Builder base(String eventId, SightingKind kind, String port, long time, Route route) {
        List<String> codes = new ArrayList<>();
        if (route != null) {
            codes.add(route.getPortOfLoading());
            codes.addAll(route.getTransshipmentPorts());
        }
        return Sighting.newBuilder()
                .setEventId(eventId).setKind(kind).setPort(port)
                .setEventTime(java.time.Instant.ofEpochMilli(time))
                .setRouteCodes(codes);
    }

    private static List<Party> parties(Party... parties) {
        return Arrays.stream(parties).filter(Objects::nonNull).toList();
    }

    private static void add(List<KeyValue<String, Sighting>> out, Sighting base, EntityType type, String id) {
        if (id != null && !id.isBlank()) {
            out.add(KeyValue.pair(new EntityRef(type, id).storeKey(), base));
        }
    }

    /**
     * The event's sighting, to be changed for one entity. Its lists are shared with the base, not deep-copied as Avro's
     * builder would: no step changes a sighting once made.
     */
    private static Sighting copy(Sighting base) {
        return new Sighting(base.getEventId(), base.getKind(), base.getPort(), base.getEventTime(),
                base.getHandlingCode(), base.getHandlingRestrictions(), base.getSharedWith(), base.getKilograms(),
                base.getDrugType(), base.getIndicators(), base.getSubject(), base.getRouteCodes(), base.getNextPortsOfCall(),
                base.getContainerNumber(), base.getVesselImo(), base.getParties());
    }
}
