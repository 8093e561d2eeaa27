package eu.portalliance.platform;

import eu.portalliance.avro.Agency;
import eu.portalliance.avro.Concealment;
import eu.portalliance.avro.DetectionMethod;
import eu.portalliance.avro.DrugType;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.Party;
import eu.portalliance.avro.Route;
import eu.portalliance.avro.SeizureReport;
import java.time.Instant;
import java.util.List;

/** Well-formed events for tests. */
public final class Samples {
    private Samples() {
    }

    public static SeizureReport seizure(String eventId) {
        return SeizureReport.newBuilder()
                .setEventId(eventId).setReportingPort("BEANR").setAgency(Agency.CUSTOMS)
                .setEventTime(Instant.parse("2024-03-01T10:15:30Z"))
                .setContainerNumber("CSQU3054383").setVesselImo("9074729")
                .setRoute(Route.newBuilder().setPortOfLoading("ECGYE").setTransshipmentPorts(List.of("PAMIT")).build())
                .setDeclaredHsCode("0803")
                .setConsignee(Party.newBuilder().setName("Fruit Import BV").setEori("NL123456789").build())
                .setDrugType(DrugType.COCAINE).setPackages(120).setKilograms(142.5)
                .setConcealment(Concealment.RIP_ON_RIP_OFF).setDetection(DetectionMethod.SCAN_XRAY)
                .setReefer(true).setHandlingCode(HandlingCode.TLP_AMBER)
                .build();
    }
}
