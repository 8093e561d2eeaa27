package eu.portalliance.topology;

import eu.portalliance.avro.Agency;
import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.avro.Concealment;
import eu.portalliance.avro.DetectionMethod;
import eu.portalliance.avro.DrugType;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.Indicator;
import eu.portalliance.avro.Party;
import eu.portalliance.avro.RequestedAction;
import eu.portalliance.avro.Route;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SubjectType;
import eu.portalliance.avro.SuspiciousContainerEvent;
import java.time.Instant;
import java.util.List;

/** Valid port events for tests; tests change what they are about with the Avro builders. */
public final class Events {
    public static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");
    public static final String CONTAINER = "CSQU3054383";
    public static final String OTHER_CONTAINER = "MSKU9070323";
    public static final String VESSEL = "9074729";

    private Events() {
    }

    public static SeizureReport.Builder seizure(String eventId, String port, Instant time) {
        return SeizureReport.newBuilder()
                .setEventId(eventId).setReportingPort(port).setAgency(Agency.CUSTOMS).setEventTime(time)
                .setContainerNumber(CONTAINER).setVesselImo(VESSEL)
                .setRoute(Route.newBuilder().setPortOfLoading("ECGYE").setTransshipmentPorts(List.of()).build())
                .setDeclaredHsCode("0803")
                .setConsignee(Party.newBuilder().setName("Fruit Import B.V.").setCountry("NL").build())
                .setDrugType(DrugType.COCAINE).setPackages(100).setKilograms(120.0)
                .setConcealment(Concealment.RIP_ON_RIP_OFF).setDetection(DetectionMethod.SCAN_XRAY)
                .setReefer(true).setHandlingCode(HandlingCode.TLP_GREEN);
    }

    /** A container from Guayaquil announced at {@code port}, arriving three days after the notice. */
    public static ArrivalNotice.Builder arrival(String eventId, String port, Instant noticeTime) {
        return ArrivalNotice.newBuilder()
                .setEventId(eventId).setReportingPort(port).setNoticeTime(noticeTime)
                .setVesselImo("9321483").setVoyage("014E").setEta(noticeTime.plus(java.time.Duration.ofDays(3)))
                .setContainerNumber(CONTAINER)
                .setRoute(Route.newBuilder().setPortOfLoading("ECGYE").setTransshipmentPorts(List.of()).build())
                .setDeclaredHsCode("0803").setReefer(false).setGrossMassKg(24_000).setHandlingCode(HandlingCode.TLP_AMBER);
    }

    public static SuspiciousContainerEvent.Builder suspicion(String eventId, String port, Instant time) {
        return SuspiciousContainerEvent.newBuilder()
                .setEventId(eventId).setReportingPort(port).setAgency(Agency.CUSTOMS).setEventTime(time)
                .setSubjectType(SubjectType.CONTAINER).setContainerNumber(CONTAINER).setVesselImo(VESSEL)
                .setRoute(Route.newBuilder().setPortOfLoading("ECGYE").setTransshipmentPorts(List.of()).build())
                .setIndicators(List.of(Indicator.SEAL_MISMATCH)).setLocalScore(0.7)
                .setAction(RequestedAction.SCAN).setNextPortsOfCall(List.of("NLRTM"))
                .setHandlingCode(HandlingCode.TLP_GREEN);
    }
}
