package eu.portalliance.topology;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.CaseStatus;
import eu.portalliance.avro.Party;
import eu.portalliance.avro.Route;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SubjectType;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.ids.ContainerNumber;
import eu.portalliance.ids.ImoNumber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Same input, same output: the same events, whatever order they arrive in and however often some are resent, end in
 * the same cases, with the same ids and the same evidence.
 */
class OrderIndependenceTest {
    static final List<String> PORTS = List.of("BEANR", "NLRTM", "DEHAM", "ESALG", "PTSIE", "GRPIR");

    @TempDir
    Path dir;

    /** Few entities, many events: containers, vessels, parties and routes that meet again and again. */
    static List<SpecificRecord> events() {
        Random r = new Random(42);
        List<SpecificRecord> out = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String port = PORTS.get(r.nextInt(PORTS.size()));
            var time = Events.T0.plus(Duration.ofHours(r.nextInt(60 * 24)));
            String container = ContainerNumber.of("MSKU", r.nextInt(40));
            String vessel = ImoNumber.of(910_000 + r.nextInt(8));
            Party party = r.nextInt(3) == 0 ? Party.newBuilder().setName("Importer " + r.nextInt(6)).setCountry("NL").build() : null;
            Route route = Route.newBuilder().setPortOfLoading(r.nextBoolean() ? "ECGYE" : "COCTG").setTransshipmentPorts(List.of()).build();
            if (r.nextInt(3) == 0) {
                out.add(Events.seizure("SZ-" + i, port, time).setContainerNumber(container).setVesselImo(vessel)
                        .setConsignee(party).setRoute(route).setKilograms(10 + r.nextInt(500)).build());
            } else {
                SubjectType subject = r.nextInt(10) == 0 ? SubjectType.PARTY : r.nextInt(10) == 0 ? SubjectType.VESSEL : SubjectType.CONTAINER;
                out.add(Events.suspicion("RIF-" + i, port, time).setSubjectType(subject).setContainerNumber(container)
                        .setVesselImo(vessel).setParty(subject == SubjectType.PARTY && party == null
                                ? Party.newBuilder().setName("Importer 0").setCountry("NL").build() : party).setRoute(route).build());
            }
        }
        out.sort((a, b) -> time(a).compareTo(time(b)));
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void theSameEventsInAnyOrderEndInTheSameCases(long seed) throws Exception {
        List<SpecificRecord> inOrder = events();
        List<SpecificRecord> shuffled = new ArrayList<>(inOrder);
        Collections.shuffle(shuffled, new Random(seed));
        Random r = new Random(seed);
        for (int i = 0; i < 60; i++) {
            shuffled.add(inOrder.get(r.nextInt(inOrder.size())));
        }
        Map<String, List<String>> expected = cases(inOrder, "in-order");
        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(cases(shuffled, "shuffled-" + seed)).isEqualTo(expected);
    }

    /** Each standing case's id and its evidence, after every event went through a fresh topology. */
    private Map<String, List<String>> cases(List<SpecificRecord> events, String name) throws Exception {
        Map<String, Alert> latest = new TreeMap<>();
        try (TopologyFixture t = new TopologyFixture(TopologyFixture.config(Files.createDirectories(dir.resolve(name))))) {
            for (SpecificRecord e : events) {
                if (e instanceof SeizureReport s) {
                    t.seizure(s);
                } else {
                    t.suspicion((SuspiciousContainerEvent) e);
                }
            }
            t.readAlerts().forEach(a -> latest.merge(a.getAlertId(), a, (x, y) -> y.getRevision() >= x.getRevision() ? y : x));
        }
        Map<String, List<String>> out = new TreeMap<>();
        latest.values().stream().filter(a -> a.getStatus() == CaseStatus.OPEN)
                .forEach(a -> out.put(a.getAlertId(), a.getSourceEventIds().stream().sorted().toList()));
        return out;
    }

    private static java.time.Instant time(SpecificRecord e) {
        return e instanceof SeizureReport s ? s.getEventTime() : ((SuspiciousContainerEvent) e).getEventTime();
    }
}
