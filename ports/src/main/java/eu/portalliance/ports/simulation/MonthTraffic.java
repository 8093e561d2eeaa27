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
import eu.portalliance.reference.KnownPorts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A realistic alliance month, the volume a watch room must live with (docs/domain.md, Volumes): a fleet of vessels on
 * rotations through several alliance ports, each call bringing its share of about a thousand routine risk flags a day;
 * big importers whose boxes are flagged at many ports as a matter of course; a few hundred seizures a month, some on a
 * box another port flagged days before; and the planted scenarios among them. A lead-in month comes first, as history:
 * a running alliance has baselines. Fully determined by the seed.
 */
public final class MonthTraffic {
    /**
     * @param start          first day of the measured month (the lead-in comes before it)
     * @param flagsPerDay    routine risk flags alliance-wide per day
     * @param seizuresPerDay seizures alliance-wide per day
     */
    public record Settings(long seed, Instant start, int days, int leadInDays, double flagsPerDay, double seizuresPerDay) {
        public static Settings month(long seed, Instant start) {
            return new Settings(seed, start, 30, 28, 1000, 10);
        }
    }

    /** @param targeting how many flags a call of this service draws, against the average: risk targeting picks routes */
    private record Service(String name, List<String> rotation, Weighted<String> origins, double targeting) {
    }

    private record Vessel(String imo, Service service, double phaseDays) {
    }

    private record Call(Vessel vessel, String port, Instant at, int leg) {
    }


    private static final Duration DAY = Duration.ofDays(1);
    private static final double ROUND_TRIP_DAYS = 42;
    /** A call lasts about a day: a box is flagged, re-flagged or seized while its vessel is in port. */
    private static final int PORT_STAY_HOURS = 20;
    private static final int FLEET = 1500;
    private static final int IMPORTERS = 10;
    private static final int SMALL_PARTIES = 20_000;
    /** Flagged boxes seized at the vessel's next alliance call: a handful a month, as a share of the flags. */
    private static final double WARNED_THEN_SEIZED = 0.0004;

    private final Settings settings;
    private final SplittableRandom random;
    private final List<Vessel> fleet = new ArrayList<>();
    private final List<Party> importers = new ArrayList<>();
    private final Weighted<Integer> importerShare = new Weighted<>();
    private final Weighted<String> seizurePorts = new Weighted<>();
    private final List<SimEvent> events = new ArrayList<>();
    private final Plants plants;
    private int serial;

    public MonthTraffic(Settings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        List<Service> services = services();
        for (int i = 0; i < FLEET; i++) {
            fleet.add(new Vessel(ImoNumber.of(700_000 + i * 37), services.get(i % services.size()), random.nextDouble() * ROUND_TRIP_DAYS));
        }
        for (int i = 0; i < IMPORTERS; i++) {
            String country = TrafficModel.CONSIGNEE_COUNTRIES.get(i % 6);
            importers.add(Party.newBuilder().setName(TrafficModel.COMPANY_WORDS.get(i) + " Fruit Importers " + (i + 1) + " BV")
                    .setEori(country + (200_000_000 + i)).setCountry(country).build());
            importerShare.add(i, 1.0 / (i + 1));
        }
        Object[][] seized = {{"BEANR", 30}, {"NLRTM", 20}, {"ESALG", 12}, {"DEHAM", 10}, {"ESVLC", 5}, {"FRLEH", 5},
            {"ITGIT", 4}, {"DEBRV", 3}, {"PTSIE", 3}, {"GRPIR", 2}, {"ITGOA", 2}, {"ESBCN", 2}, {"FRMRS", 1}, {"PTLIS", 1}};
        for (Object[] s : seized) {
            seizurePorts.add((String) s[0], ((Integer) s[1]).doubleValue());
        }
        this.plants = new Plants(new SplittableRandom(settings.seed() ^ 0x5EEDL), settings.start(), KnownPorts.allianceLocodes());
        generate();
        events.addAll(plants.events());
        events.sort(Comparator.comparing(SimEvent::time).thenComparing(SimEvent::eventId));
    }

    /** The planted scenarios, in the measured month. */
    public List<Scenario> scenarios() {
        return plants.scenarios();
    }

    /** Every event, lead-in first, in event-time order. */
    public List<SimEvent> events() {
        return events;
    }

    /** Where the lead-in ends and the measured month begins. */
    public Instant measuredFrom() {
        return settings.start();
    }

    private static List<Service> services() {
        Weighted<String> southAmerica = new Weighted<String>().add("ECGYE", 22).add("ECPSJ", 6).add("COCTG", 8).add("COBUN", 4)
                .add("BRSSZ", 10).add("PAMIT", 6).add("CRMOB", 4).add("DOCAU", 3).add("PABLB", 3);
        Weighted<String> mixed = new Weighted<String>().add("CNSHA", 30).add("USNYC", 10).add("INNSA", 8).add("ZADUR", 5)
                .add("BRSSZ", 8).add("ECGYE", 5).add("COCTG", 4).add("MAPTM", 10);
        return List.of(
                new Service("WCSA north", List.of("NLRTM", "BEANR", "DEHAM", "FRLEH"), southAmerica, 2.5),
                new Service("ECSA north", List.of("BEANR", "NLRTM", "DEBRV", "DEHAM"), southAmerica, 2.5),
                new Service("Med-South America", List.of("ESALG", "ESVLC", "ITGIT", "GRPIR"), southAmerica, 2.5),
                new Service("Iberia", List.of("PTSIE", "PTLIS", "ESALG", "ESBCN"), mixed, 0.5),
                new Service("West Med", List.of("ESBCN", "FRMRS", "ITGOA", "ESVLC"), mixed, 0.5),
                new Service("Asia-North Europe", List.of("NLRTM", "DEHAM", "BEANR", "FRLEH", "BEZEE"), mixed, 0.5),
                new Service("Baltic feeder", List.of("DEHAM", "PLGDN", "SEGOT"), mixed, 0.5),
                new Service("Channel", List.of("FRLEH", "BEZEE", "NLVLI", "BEANR"), mixed, 0.5));
    }

    private void generate() {
        Instant from = settings.start().minus(DAY.multipliedBy(settings.leadInDays()));
        Instant to = settings.start().plus(DAY.multipliedBy(settings.days()));
        List<Call> calls = calls(from, to);
        double callWeight = calls.stream().mapToDouble(c -> c.vessel().service().targeting()).sum();
        double flagsPerWeight = settings.flagsPerDay() * (settings.days() + settings.leadInDays()) / Math.max(1, callWeight);
        for (Call call : calls) {
            int flags = poisson(flagsPerWeight * call.vessel().service().targeting());
            for (int i = 0; i < flags; i++) {
                flag(call, calls);
            }
        }
        for (Instant day = from; day.isBefore(to); day = day.plus(DAY)) {
            int seizures = poisson(settings.seizuresPerDay());
            for (int i = 0; i < seizures; i++) {
                seizure(day.plus(Duration.ofMinutes(random.nextInt(24 * 60))), calls);
            }
        }
    }

    /** Every vessel's European calls in [from, to): its rotation's ports in turn, two to three days apart. */
    private List<Call> calls(Instant from, Instant to) {
        List<Call> out = new ArrayList<>();
        double span = Duration.between(from, to).toHours() / 24.0;
        for (Vessel v : fleet) {
            for (double legStart = v.phaseDays() - ROUND_TRIP_DAYS; legStart < span; legStart += ROUND_TRIP_DAYS) {
                double t = legStart;
                int leg = (int) Math.floor((legStart + ROUND_TRIP_DAYS) / ROUND_TRIP_DAYS);
                for (String port : v.service().rotation()) {
                    if (t >= 0 && t < span) {
                        out.add(new Call(v, port, from.plus(Duration.ofMinutes((long) (t * 24 * 60))), leg));
                    }
                    t += 2 + random.nextDouble();
                }
            }
        }
        out.sort(Comparator.comparing(Call::at));
        return out;
    }

    private void flag(Call call, List<Call> calls) {
        Instant at = call.at().plus(Duration.ofMinutes(random.nextInt(PORT_STAY_HOURS * 60)));
        double kind = random.nextDouble();
        SubjectType subject = kind < 0.93 ? SubjectType.CONTAINER : kind < 0.98 ? SubjectType.VESSEL : SubjectType.PARTY;
        Route route = route(call.vessel().service());
        String container = ContainerNumber.of(TrafficModel.OWNERS.get(random.nextInt(TrafficModel.OWNERS.size())), 100_000 + (++serial % 899_999));
        // A warning about a party itself is intelligence about a suspected front, seldom about an established importer;
        // a flagged box names its consignee, often a big importer.
        Party party = subject == SubjectType.PARTY ? consignee(0.03, 0.97) : consignee(0.30, 0.40);
        SuspiciousContainerEvent.Builder b = suspicion(call.port(), at, subject, route)
                .setVesselImo(call.vessel().imo()).setParty(party);
        if (subject == SubjectType.CONTAINER) {
            b.setContainerNumber(container).setBillOfLading(random.nextDouble() < 0.5 ? "BL" + (10_000_000 + serial) : null);
            if (random.nextDouble() < 0.02) {
                reflagAtNextCall(call, calls, container, route, party);
            } else if (random.nextDouble() < WARNED_THEN_SEIZED) {
                seizedAtNextCall(call, calls, container, route);
            }
        }
        add(call.port(), b.build());
    }

    /** The box is flagged again where the vessel calls next (discharge after transshipment): routine, two profiles agree. */
    private void reflagAtNextCall(Call call, List<Call> calls, String container, Route route, Party party) {
        calls.stream().filter(c -> c.vessel() == call.vessel() && c.at().isAfter(call.at()) && !c.port().equals(call.port()))
                .findFirst().ifPresent(next -> add(next.port(), suspicion(next.port(), next.at().plus(Duration.ofHours(random.nextInt(PORT_STAY_HOURS))),
                        SubjectType.CONTAINER, route).setVesselImo(next.vessel().imo()).setContainerNumber(container).setParty(party).build()));
    }

    /** The box a port flagged is seized where the vessel calls next: a warning that was right. */
    private void seizedAtNextCall(Call call, List<Call> calls, String container, Route route) {
        calls.stream().filter(c -> c.vessel() == call.vessel() && c.at().isAfter(call.at()) && !c.port().equals(call.port()))
                .findFirst().ifPresent(next -> seizure(next.port(), next.at().plus(Duration.ofHours(random.nextInt(PORT_STAY_HOURS))), next, container, route));
    }

    private void seizure(Instant at, List<Call> calls) {
        String port = seizurePorts.pick(random);
        Call call = nearestCall(port, at, calls);
        Route route = call == null ? route(fleet.get(random.nextInt(FLEET)).service()) : route(call.vessel().service());
        seizure(port, at, call, ContainerNumber.of("SZRU", 100_000 + (++serial % 899_999)), route);
    }

    private void seizure(String port, Instant at, Call call, String container, Route route) {
        double kg = Math.round(Math.min(13_000, Math.max(5, Math.exp(Math.log(150) + 1.3 * random.nextGaussian()))) * 10) / 10.0;
        HandlingCode handling = TrafficModel.HANDLING.pick(random);
        add(port, SeizureReport.newBuilder().setEventId(port + "-SZ-M" + (++serial)).setReportingPort(port)
                .setAgency(Agency.CUSTOMS).setEventTime(at).setContainerNumber(container)
                .setVesselImo(call != null && random.nextDouble() < 0.7 ? call.vessel().imo() : null)
                .setRoute(route).setDeclaredHsCode(TrafficModel.HS_CODES.pick(random)).setConsignee(consignee(0.05, 0.55))
                .setDrugType(TrafficModel.DRUGS.pick(random)).setPackages((int) Math.max(1, kg / 1.1)).setKilograms(kg)
                .setConcealment(TrafficModel.CONCEALMENT.pick(random)).setDetection(TrafficModel.DETECTION.pick(random))
                .setHandlingCode(handling).setSharedWith(handling == HandlingCode.TLP_RED ? List.of("EUROPOL") : List.of())
                .build());
    }

    private Call nearestCall(String port, Instant at, List<Call> calls) {
        Call best = null;
        for (Call c : calls) {
            if (c.port().equals(port) && Math.abs(Duration.between(c.at(), at).toHours()) < 72
                    && (best == null || Math.abs(Duration.between(c.at(), at).toMinutes()) < Math.abs(Duration.between(best.at(), at).toMinutes()))) {
                best = c;
            }
        }
        return best;
    }

    private SuspiciousContainerEvent.Builder suspicion(String port, Instant at, SubjectType subject, Route route) {
        Set<Indicator> indicators = new LinkedHashSet<>();
        int count = 1 + random.nextInt(2);
        while (indicators.size() < count) {
            indicators.add(TrafficModel.ORDINARY_INDICATORS.get(random.nextInt(TrafficModel.ORDINARY_INDICATORS.size())));
        }
        if (random.nextDouble() < 0.005) {
            indicators.add(TrafficModel.INSIDER_INDICATORS.get(random.nextInt(TrafficModel.INSIDER_INDICATORS.size())));
        }
        HandlingCode handling = TrafficModel.HANDLING.pick(random);
        return SuspiciousContainerEvent.newBuilder().setEventId(port + "-RIF-M" + (++serial)).setReportingPort(port)
                .setAgency(Agency.CUSTOMS).setEventTime(at).setSubjectType(subject).setRoute(route)
                .setDeclaredHsCode(TrafficModel.HS_CODES.pick(random)).setReefer(random.nextDouble() < 0.3)
                .setIndicators(List.copyOf(indicators)).setLocalScore(Math.round((0.3 + 0.5 * random.nextDouble()) * 100) / 100.0)
                .setAction(RequestedAction.SCAN).setHandlingCode(handling)
                .setSharedWith(handling == HandlingCode.TLP_RED ? List.of("EUROPOL") : List.of());
    }

    private Route route(Service service) {
        List<String> via = random.nextDouble() < 0.2 ? List.of(TrafficModel.TRANSSHIPMENT.pick(random)) : List.of();
        return Route.newBuilder().setPortOfLoading(service.origins().pick(random)).setTransshipmentPorts(via).build();
    }

    /** A big importer with probability {@code big}, a small party with {@code small}, else none. */
    private Party consignee(double big, double small) {
        double x = random.nextDouble();
        return x < big ? importers.get(importerShare.pick(random)) : x < big + small ? smallParty() : null;
    }

    private Party smallParty() {
        int id = random.nextInt(SMALL_PARTIES);
        String country = TrafficModel.CONSIGNEE_COUNTRIES.get(id % TrafficModel.CONSIGNEE_COUNTRIES.size());
        return Party.newBuilder().setName(TrafficModel.COMPANY_WORDS.get(id % TrafficModel.COMPANY_WORDS.size()) + " "
                        + TrafficModel.COMPANY_KINDS.get((id / 18) % TrafficModel.COMPANY_KINDS.size()) + " " + (id / 144 + 1))
                .setEori(id % 2 == 0 ? country + (300_000_000 + id) : null).setCountry(country).build();
    }

    private int poisson(double mean) {
        double l = Math.exp(-mean);
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private void add(String port, org.apache.avro.specific.SpecificRecord event) {
        events.add(new SimEvent(port, event));
    }
}
