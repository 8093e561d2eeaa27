package eu.portalliance.ports.simulation;

import eu.portalliance.avro.Agency;
import eu.portalliance.avro.Concealment;
import eu.portalliance.avro.DetectionMethod;
import eu.portalliance.avro.DrugType;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.Indicator;
import eu.portalliance.avro.Party;
import eu.portalliance.avro.RequestedAction;
import eu.portalliance.avro.Route;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SubjectType;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.ids.ContainerNumber;
import eu.portalliance.ids.ImoNumber;
import eu.portalliance.reference.KnownPorts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The smuggling scenarios the simulator plants, from published cases: a consignee abused at three ports, a vessel
 * seized on again and again, a surge on one route, a cloned container number, a warning confirmed elsewhere, an
 * insider at a terminal. Ports are taken from the simulated ones; identifiers are fresh, so background traffic does
 * not touch them.
 */
final class Plants {
    private static final Duration DAY = Duration.ofDays(1);
    private static final long SURGE_WINDOW_MS = Duration.ofDays(7).toMillis();

    private final SplittableRandom random;
    private final Instant start;
    private final List<String> ports;
    private final Set<String> used = new HashSet<>();
    private final List<SimEvent> events = new ArrayList<>();
    private final List<Scenario> scenarios = new ArrayList<>();
    private int serial;

    Plants(SplittableRandom random, Instant start, List<String> ports) {
        if (ports.size() < 3) {
            throw new IllegalArgumentException("simulate needs at least 3 ports so the planted scenarios can span ports, got " + ports);
        }
        this.random = random;
        this.start = start;
        this.ports = ports;
        consigneeAbusedAtThreePorts();
        vesselWithRepeatedSeizures();
        routeSurge();
        cloneContainer();
        suspicionConfirmedElsewhere();
        insiderAtATerminal();
    }

    List<SimEvent> events() {
        return events;
    }

    List<Scenario> scenarios() {
        return scenarios;
    }

    private void consigneeAbusedAtThreePorts() {
        String eori = "NL" + (800_000_000 + random.nextInt(99_999_999));
        Party consignee = Party.newBuilder().setName("Verde Frutas Import BV").setEori(eori).setCountry("NL").build();
        List<String> ids = new ArrayList<>();
        String[] at = {port("BEANR"), port("NLRTM"), port("DEHAM")};
        for (int i = 0; i < 3; i++) {
            ids.add(add(at[i], seizure(at[i], day(3 + 6 * i)).setConsignee(consignee).build()));
        }
        scenarios.add(new Scenario("consignee-abused-at-three-ports",
                "One long-standing consignee (" + eori + ") named on cocaine seizures at " + String.join(", ", at)
                        + " within two weeks: an R1 case at the second port, its next revision at the third",
                "R1", EntityType.PARTY, "EORI:" + eori, ids));
    }

    private void vesselWithRepeatedSeizures() {
        String imo = ImoNumber.of(930_000 + random.nextInt(9_999));
        List<String> ids = new ArrayList<>();
        String[] at = {port("ESALG"), port("ESVLC"), port("ITGIT")};
        List<String> next = List.of(port("GRPIR"), port("ITGOA"));
        for (int i = 0; i < 3; i++) {
            ids.add(add(at[i], seizure(at[i], day(4 + 7 * i)).setVesselImo(imo).setNextPortsOfCall(next).build()));
        }
        scenarios.add(new Scenario("vessel-repeat",
                "Vessel IMO " + imo + " with seizures at " + String.join(", ", at) + " within three weeks: R12 warns its next "
                        + "ports of call " + next, "R12", EntityType.VESSEL, imo, ids));
    }

    private void routeSurge() {
        String port = port("PTSIE");
        long windowStart = Math.floorDiv(day(8).toEpochMilli(), SURGE_WINDOW_MS) * SURGE_WINDOW_MS;
        if (windowStart < start.toEpochMilli()) {
            windowStart += SURGE_WINDOW_MS;
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant t = Instant.ofEpochMilli(windowStart).plus(Duration.ofHours(12 + 20L * i));
            ids.add(add(port, seizure(port, t).setRoute(route("ECPBO")).build()));
        }
        scenarios.add(new Scenario("route-surge",
                "Six seizures on Puerto Bolivar → " + port + " in one week, a route that carried none before: R13 when the "
                        + "window closes (two days after its end)", "R13", EntityType.ROUTE, "ECPBO>" + port, ids));
    }

    private void cloneContainer() {
        String container = freshContainer();
        String a = port("BEANR");
        // A clone is two places no ship links within hours: never two neighbouring ports.
        List<String> near = KnownPorts.find(a).map(KnownPorts.Port::neighbours).orElse(List.of());
        String b = ports.contains("PTSIE") && !a.equals("PTSIE") && !near.contains("PTSIE") ? "PTSIE"
                : ports.stream().filter(p -> !p.equals(a) && !near.contains(p)).findFirst().orElse(port("PTSIE"));
        List<String> ids = new ArrayList<>();
        ids.add(add(a, suspicion(a, day(6), container).setIndicators(List.of(Indicator.SEAL_MISMATCH)).build()));
        ids.add(add(b, suspicion(b, day(6).plus(Duration.ofHours(3)), container)
                .setIndicators(List.of(Indicator.SCAN_IMAGE_MISMATCH)).build()));
        scenarios.add(new Scenario("clone-container",
                "Container number " + container + " flagged at " + a + " and " + b + " three hours apart: one number, two "
                        + "boxes (a clone): R6", "R6", EntityType.CONTAINER, container, ids));
    }

    private void suspicionConfirmedElsewhere() {
        String container = freshContainer();
        String warned = port("NLRTM");
        String seized = port("BEANR");
        List<String> ids = new ArrayList<>();
        ids.add(add(warned, suspicion(warned, day(10), container).setNextPortsOfCall(List.of(seized))
                .setIndicators(List.of(Indicator.ROUTE_RISK, Indicator.DWELL_ANOMALY)).build()));
        ids.add(add(seized, seizure(seized, day(12)).setContainerNumber(container).build()));
        scenarios.add(new Scenario("suspicion-confirmed",
                warned + " warned about " + container + "; " + seized + " seized cocaine in it two days later: C1",
                "C1", EntityType.CONTAINER, container, ids));
    }

    private void insiderAtATerminal() {
        String container = freshContainer();
        String terminal = port("FRLEH");
        String seized = port("BEANR");
        List<String> ids = new ArrayList<>();
        ids.add(add(terminal, suspicion(terminal, day(13), container).setAgency(Agency.TERMINAL_OPERATOR)
                .setIndicators(List.of(Indicator.TOS_RECORD_EDITED, Indicator.GATE_OUT_BEFORE_RELEASE)).build()));
        ids.add(add(seized, seizure(seized, day(14)).setContainerNumber(container).build()));
        scenarios.add(new Scenario("insider-at-terminal",
                "A terminal record edited and a gate-out before release at " + terminal + " for " + container
                        + ", seized at " + seized + " the next day: C1, its score raised by the insider signal (R7)",
                "C1", EntityType.CONTAINER, container, ids));
    }

    private String port(String preferred) {
        String chosen = ports.contains(preferred) && !used.contains(preferred) ? preferred
                : ports.stream().filter(p -> !used.contains(p)).findFirst().orElse(ports.get(used.size() % ports.size()));
        used.add(chosen);
        if (used.size() >= ports.size()) {
            used.clear();
        }
        return chosen;
    }

    private Instant day(int n) {
        return start.plus(DAY.multipliedBy(n)).plus(Duration.ofMinutes(random.nextInt(600)));
    }

    private String freshContainer() {
        return ContainerNumber.of("ZIMU", 900_000 + random.nextInt(99_999));
    }

    private Route route(String origin) {
        return Route.newBuilder().setPortOfLoading(origin).setTransshipmentPorts(List.of()).build();
    }

    private SeizureReport.Builder seizure(String port, Instant time) {
        double kg = 50 + random.nextInt(2000);
        return SeizureReport.newBuilder()
                .setEventId("SIM-" + port + "-SZ-" + (++serial)).setReportingPort(port).setAgency(Agency.CUSTOMS)
                .setEventTime(time).setContainerNumber(freshContainer()).setRoute(route("ECGYE"))
                .setDeclaredHsCode("0803").setDrugType(DrugType.COCAINE).setPackages((int) (kg / 1.1)).setKilograms(kg)
                .setConcealment(Concealment.RIP_ON_RIP_OFF).setDetection(DetectionMethod.SCAN_XRAY).setReefer(true)
                .setHandlingCode(HandlingCode.TLP_GREEN);
    }

    private SuspiciousContainerEvent.Builder suspicion(String port, Instant time, String container) {
        return SuspiciousContainerEvent.newBuilder()
                .setEventId("SIM-" + port + "-RIF-" + (++serial)).setReportingPort(port).setAgency(Agency.CUSTOMS)
                .setEventTime(time).setSubjectType(SubjectType.CONTAINER).setContainerNumber(container)
                .setRoute(route("ECGYE")).setDeclaredHsCode("0803").setReefer(true)
                .setIndicators(List.of(Indicator.SEAL_MISMATCH)).setLocalScore(0.8).setAction(RequestedAction.SCAN)
                .setHandlingCode(HandlingCode.TLP_GREEN);
    }

    private String add(String port, Object event) {
        SimEvent e = new SimEvent(port, (org.apache.avro.specific.SpecificRecord) event);
        events.add(e);
        return e.eventId();
    }
}
