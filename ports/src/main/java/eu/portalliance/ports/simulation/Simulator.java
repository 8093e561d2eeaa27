package eu.portalliance.ports.simulation;

import eu.portalliance.avro.Agency;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Realistic alliance traffic, fully determined by its seed: background seizures and suspicions drawn from the
 * {@link TrafficModel}, with smuggling {@link Scenario}s planted among them at known times.
 */
public final class Simulator {
    /**
     * @param start        event time of the first simulated day
     * @param eventsPerDay background events per simulated day (the alliance's pace, not the publishing rate)
     */
    public record Settings(long seed, List<String> ports, Instant start, double eventsPerDay) {
    }

    private final Settings settings;
    private final SplittableRandom random;
    private final Weighted<String> ports;
    private final List<String> vessels = new ArrayList<>();
    private final Plants plants;

    public Simulator(Settings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.ports = TrafficModel.ports(settings.ports());
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("no ports to simulate");
        }
        for (int i = 0; i < 2000; i++) {
            vessels.add(ImoNumber.of(900_000 + random.nextInt(89_999)));
        }
        this.plants = new Plants(new SplittableRandom(settings.seed() ^ 0x5EEDL), settings.start(), settings.ports());
    }

    /** The planted scenarios: what a person should find among the alerts. */
    public List<Scenario> scenarios() {
        return plants.scenarios();
    }

    /** How many events the planted scenarios add. */
    public int plantedEvents() {
        return plants.events().size();
    }

    /**
     * The first {@code total} events in event-time order: every planted event, and background events for the rest.
     */
    public List<SimEvent> take(int total) {
        List<SimEvent> out = new ArrayList<>();
        Iterator<SimEvent> it = events(Math.max(0, total - plantedEvents()));
        while (it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    /** {@code background} background events (unbounded when negative) merged by time with the planted ones. */
    public Iterator<SimEvent> events(long background) {
        List<SimEvent> planted = new ArrayList<>(plants.events());
        planted.sort(Comparator.comparing(SimEvent::time));
        return new Iterator<>() {
            long made;
            int nextPlanted;
            SimEvent pending;
            long clock = settings.start().toEpochMilli();

            @Override
            public boolean hasNext() {
                return nextPlanted < planted.size() || background < 0 || made < background || pending != null;
            }

            @Override
            public SimEvent next() {
                if (pending == null && (background < 0 || made < background)) {
                    double meanGap = 86_400_000d / settings.eventsPerDay();
                    clock += (long) (-Math.log(1 - random.nextDouble()) * meanGap);
                    pending = background(Instant.ofEpochMilli(clock), made++);
                }
                boolean plantedFirst = nextPlanted < planted.size()
                        && (pending == null || !planted.get(nextPlanted).time().isAfter(pending.time()));
                if (plantedFirst) {
                    return planted.get(nextPlanted++);
                }
                if (pending == null) {
                    throw new NoSuchElementException();
                }
                SimEvent out = pending;
                pending = null;
                return out;
            }
        };
    }

    private SimEvent background(Instant time, long n) {
        String port = ports.pick(random);
        return random.nextDouble() < 0.22 ? new SimEvent(port, seizure(port, time, n)) : new SimEvent(port, suspicion(port, time, n));
    }

    private SeizureReport seizure(String port, Instant time, long n) {
        Route route = route();
        String hs = TrafficModel.HS_CODES.pick(random);
        boolean reefer = hs.equals("0803") || hs.equals("0804") || hs.equals("0306") ? random.nextDouble() < 0.85 : random.nextDouble() < 0.08;
        double kg = Math.min(13_000, Math.max(5, Math.exp(Math.log(150) + 1.3 * random.nextGaussian())));
        kg = Math.round(kg * 10) / 10.0;
        var concealment = TrafficModel.CONCEALMENT.pick(random);
        if (concealment == eu.portalliance.avro.Concealment.REEFER_UNIT && !reefer) {
            concealment = eu.portalliance.avro.Concealment.CONTAINER_STRUCTURE;
        }
        HandlingCode handling = TrafficModel.HANDLING.pick(random);
        return SeizureReport.newBuilder()
                .setEventId(port + "-SZ-" + (100000 + n)).setReportingPort(port)
                .setAgency(random.nextDouble() < 0.8 ? Agency.CUSTOMS : Agency.POLICE).setEventTime(time)
                .setContainerNumber(container()).setBillOfLading(billOfLading())
                .setVesselImo(random.nextDouble() < 0.5 ? vessels.get(random.nextInt(vessels.size())) : null)
                .setVoyage(null).setRoute(route).setNextPortsOfCall(nextPorts(port))
                .setDeclaredHsCode(hs)
                .setShipper(random.nextDouble() < 0.5 ? party(route.getPortOfLoading().substring(0, 2)) : null)
                .setConsignee(random.nextDouble() < 0.7 ? party(TrafficModel.CONSIGNEE_COUNTRIES.get(random.nextInt(10))) : null)
                .setDrugType(TrafficModel.DRUGS.pick(random)).setPackages((int) Math.max(1, kg / 1.1)).setKilograms(kg)
                .setConcealment(concealment).setDetection(TrafficModel.DETECTION.pick(random)).setReefer(reefer)
                .setHandlingCode(handling).setSharedWith(sharedWith(handling))
                .build();
    }

    private SuspiciousContainerEvent suspicion(String port, Instant time, long n) {
        SubjectType subject = TrafficModel.SUBJECTS.pick(random);
        Set<Indicator> indicators = new LinkedHashSet<>();
        int count = 1 + random.nextInt(3);
        while (indicators.size() < count) {
            indicators.add(TrafficModel.ORDINARY_INDICATORS.get(random.nextInt(TrafficModel.ORDINARY_INDICATORS.size())));
        }
        if (random.nextDouble() < 0.04) {
            indicators.add(TrafficModel.INSIDER_INDICATORS.get(random.nextInt(TrafficModel.INSIDER_INDICATORS.size())));
        }
        HandlingCode handling = TrafficModel.HANDLING.pick(random);
        SuspiciousContainerEvent.Builder b = SuspiciousContainerEvent.newBuilder()
                .setEventId(port + "-RIF-" + (100000 + n)).setReportingPort(port)
                .setAgency(random.nextDouble() < 0.85 ? Agency.CUSTOMS : Agency.TERMINAL_OPERATOR).setEventTime(time)
                .setSubjectType(subject).setRoute(route()).setDeclaredHsCode(TrafficModel.HS_CODES.pick(random))
                .setReefer(random.nextDouble() < 0.3).setIndicators(List.copyOf(indicators))
                .setLocalScore(Math.round((0.4 + 0.55 * random.nextDouble()) * 100) / 100.0)
                .setAction(RequestedAction.values()[1 + random.nextInt(3)]).setNextPortsOfCall(nextPorts(port))
                .setValidUntil(time.plus(Duration.ofDays(30)))
                .setHandlingCode(handling).setSharedWith(sharedWith(handling));
        switch (subject) {
            case VESSEL -> b.setVesselImo(vessels.get(random.nextInt(vessels.size())));
            case PARTY -> b.setParty(party(TrafficModel.CONSIGNEE_COUNTRIES.get(random.nextInt(10))));
            case BILL_OF_LADING -> b.setBillOfLading(billOfLading());
            default -> b.setContainerNumber(container()).setBillOfLading(random.nextDouble() < 0.5 ? billOfLading() : null);
        }
        return b.build();
    }

    private Route route() {
        List<String> via = random.nextDouble() < 0.25 ? List.of(TrafficModel.TRANSSHIPMENT.pick(random)) : List.of();
        return Route.newBuilder().setPortOfLoading(TrafficModel.ORIGINS.pick(random)).setTransshipmentPorts(via).build();
    }

    private String container() {
        return ContainerNumber.of(TrafficModel.OWNERS.get(random.nextInt(TrafficModel.OWNERS.size())), random.nextInt(1_000_000));
    }

    private String billOfLading() {
        return "BL" + (10_000_000 + random.nextInt(89_999_999));
    }

    private Party party(String country) {
        int id = random.nextInt(5000);
        String name = TrafficModel.COMPANY_WORDS.get(id % TrafficModel.COMPANY_WORDS.size()) + " "
                + TrafficModel.COMPANY_KINDS.get((id / 18) % TrafficModel.COMPANY_KINDS.size()) + " " + (id / 144 + 1) + " "
                + TrafficModel.LEGAL_FORMS.get(id % TrafficModel.LEGAL_FORMS.size());
        String eori = random.nextDouble() < 0.5 ? country + (100_000_000 + id * 7919L % 899_999_999) : null;
        return Party.newBuilder().setName(name).setEori(eori).setCountry(country).build();
    }

    private List<String> nextPorts(String port) {
        List<String> all = settings.ports();
        List<String> out = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            String p = all.get(random.nextInt(all.size()));
            if (!p.equals(port) && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private List<String> sharedWith(HandlingCode code) {
        return code == HandlingCode.TLP_RED && random.nextDouble() < 0.5 ? List.of("EUROPOL") : List.of();
    }
}
