package eu.portalliance.ports.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.reference.KnownPorts;
import eu.portalliance.validation.EventChecks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    static final Instant START = Instant.parse("2025-01-06T00:00:00Z");

    static Simulator simulator(long seed) {
        return new Simulator(new Simulator.Settings(seed, KnownPorts.allianceLocodes(), START, 2000 / 28.0));
    }

    @Test
    void theSameSeedGivesTheSameEvents() {
        assertThat(simulator(42).take(2000)).isEqualTo(simulator(42).take(2000));
        assertThat(simulator(42).scenarios()).isEqualTo(simulator(42).scenarios());
        assertThat(simulator(43).take(200)).isNotEqualTo(simulator(42).take(200));
    }

    @Test
    void everyPlantedScenarioIsInTheEventsEvenForASmallRun() {
        Simulator sim = simulator(7);
        List<SimEvent> events = sim.take(100);
        assertThat(events).hasSize(100);
        Set<String> ids = events.stream().map(SimEvent::eventId).collect(Collectors.toSet());
        assertThat(sim.scenarios()).extracting(Scenario::name).containsExactly("consignee-abused-at-three-ports",
                "vessel-repeat", "route-surge", "clone-container", "suspicion-confirmed", "insider-at-terminal");
        for (Scenario s : sim.scenarios()) {
            assertThat(ids).as(s.name()).containsAll(s.eventIds());
            assertThat(s.eventIds()).as(s.name()).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void everyEventIsValidAndInTimeOrder() {
        List<SimEvent> events = simulator(3).take(3000);
        Instant after = START.plus(Duration.ofDays(60));
        for (int i = 0; i < events.size(); i++) {
            SimEvent e = events.get(i);
            if (e.event() instanceof SeizureReport s) {
                EventChecks.seizure(s, e.port(), after.toEpochMilli(), Duration.ZERO);
            } else {
                EventChecks.suspicion((SuspiciousContainerEvent) e.event(), e.port(), after.toEpochMilli(), Duration.ZERO);
            }
            if (i > 0) {
                assertThat(e.time()).isAfterOrEqualTo(events.get(i - 1).time());
            }
        }
        assertThat(events.get(events.size() - 1).time()).isBefore(START.plus(Duration.ofDays(60)));
    }

    @Test
    void theMixFollowsThePublicFigures() {
        List<SimEvent> events = simulator(11).take(5000);
        long seizures = events.stream().filter(e -> e.event() instanceof SeizureReport).count();
        assertThat(seizures / 5000.0).isBetween(0.18, 0.27);
        Map<String, Long> byPort = events.stream().collect(Collectors.groupingBy(SimEvent::port, Collectors.counting()));
        assertThat(byPort.get("BEANR")).isGreaterThan(byPort.get("DEHAM")).isGreaterThan(byPort.get("SEGOT"));
        List<SeizureReport> all = events.stream().filter(e -> e.event() instanceof SeizureReport).map(e -> (SeizureReport) e.event()).toList();
        assertThat(all).allSatisfy(s -> assertThat(s.getKilograms()).isBetween(5.0, 13_000.0));
        Map<String, Long> origins = all.stream().collect(Collectors.groupingBy(s -> s.getRoute().getPortOfLoading().substring(0, 2), Collectors.counting()));
        String top = origins.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
        assertThat(top).isEqualTo("EC");
        double reeferShare = all.stream().filter(SeizureReport::getReefer).count() / (double) all.size();
        assertThat(reeferShare).isBetween(0.2, 0.6);
        long insider = events.stream().map(SimEvent::event).filter(SuspiciousContainerEvent.class::isInstance)
                .map(SuspiciousContainerEvent.class::cast)
                .filter(e -> e.getIndicators().stream().anyMatch(i -> i.name().equals("TOS_RECORD_EDITED")
                        || i.name().equals("GATE_OUT_BEFORE_RELEASE") || i.name().equals("RELEASE_RIGHT_REASSIGNED"))).count();
        assertThat(insider).isPositive();
        assertThat(events.stream().map(SimEvent::eventId).collect(Collectors.toMap(Function.identity(), x -> 1, Integer::sum)))
                .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
    }
}
