package eu.portalliance.platform.evaluate;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.CaseStatus;
import eu.portalliance.avro.EntityType;
import eu.portalliance.avro.Severity;
import eu.portalliance.ports.simulation.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a watch room receives from a month of traffic, from the cases that stand at its end: whether each planted
 * pattern became a case and how high it ranks, how many new cases each port gets a day, the severity mix, and how many
 * cases each incident made.
 */
public final class Evaluation {
    /**
     * One planted pattern: the case that holds most of its events, its rank by score, and how many cases hold two of
     * its events or more (one incident should make one case; a route surge that counts one of its seizures among many is
     * another incident).
     */
    public record Planted(Scenario scenario, Alert found, int rank, int casesTouching, int backgroundAbove) {
        public boolean isFound() {
            return found != null;
        }
    }

    public record PortLoad(String port, int cases, double perDay, int busiestDay) {
    }

    private final List<Alert> cases;
    private final List<Planted> planted = new ArrayList<>();
    private final List<PortLoad> loads = new ArrayList<>();
    private final int days;
    private final List<String> overlapping = new ArrayList<>();

    /**
     * @param latest the latest revision of every case the topology published
     * @param from   start of the measured period: cases first raised before it are history
     */
    public Evaluation(List<Alert> latest, List<Scenario> scenarios, List<String> ports, Instant from, int days) {
        this.days = days;
        this.cases = latest.stream()
                .filter(a -> a.getStatus() == CaseStatus.OPEN && !firstRaised(a).isBefore(from))
                .sorted(Comparator.comparingDouble((Alert a) -> -a.getScore()).thenComparing(Alert::getAlertId))
                .toList();
        for (Scenario s : scenarios) {
            Set<String> ids = new HashSet<>(s.eventIds());
            List<Alert> touching = cases.stream().filter(a -> a.getSourceEventIds().stream().filter(ids::contains).count() >= 2).toList();
            Alert best = touching.stream().max(Comparator.comparingLong((Alert a) -> a.getSourceEventIds().stream().filter(ids::contains).count())
                    .thenComparingDouble(Alert::getScore)).orElse(null);
            boolean holdsThePattern = best != null && best.getSourceEventIds().stream().filter(ids::contains).count() >= 2;
            planted.add(new Planted(s, holdsThePattern ? best : null, holdsThePattern ? cases.indexOf(best) + 1 : 0, touching.size(), 0));
        }
        Set<String> plantedCases = new HashSet<>();
        planted.stream().filter(Planted::isFound).forEach(p -> plantedCases.add(p.found().getAlertId()));
        planted.replaceAll(p -> !p.isFound() ? p : new Planted(p.scenario(), p.found(), p.rank(), p.casesTouching(),
                (int) cases.subList(0, p.rank() - 1).stream().filter(a -> !plantedCases.contains(a.getAlertId())).count()));
        // A route surge counts seizures that may also be an entity's case: another kind of incident (where traffic
        // moved, not who moved it), so only cases on entities are compared.
        for (int i = 0; i < cases.size(); i++) {
            for (int j = i + 1; j < cases.size(); j++) {
                if (cases.get(i).getEntityType() == EntityType.ROUTE || cases.get(j).getEntityType() == EntityType.ROUTE) {
                    continue;
                }
                Set<String> shared = new HashSet<>(cases.get(i).getSourceEventIds());
                shared.retainAll(cases.get(j).getSourceEventIds());
                if (shared.size() >= 2) {
                    overlapping.add(cases.get(i).getAlertId() + " (" + cases.get(i).getEntityType() + " " + cases.get(i).getEntityId()
                            + ") and " + cases.get(j).getAlertId() + " (" + cases.get(j).getEntityType() + " " + cases.get(j).getEntityId()
                            + ") share " + shared.size() + " events");
                }
            }
        }
        for (String port : ports) {
            Map<Long, Integer> byDay = new TreeMap<>();
            int n = 0;
            for (Alert a : cases) {
                if (a.getPorts().contains(port) || a.getAddressedTo().contains(port)) {
                    n++;
                    byDay.merge(firstRaised(a).getEpochSecond() / 86_400, 1, Integer::sum);
                }
            }
            loads.add(new PortLoad(port, n, n / (double) days, byDay.values().stream().mapToInt(Integer::intValue).max().orElse(0)));
        }
    }

    private static Instant firstRaised(Alert a) {
        return a.getFirstRaisedAt() != null ? a.getFirstRaisedAt() : a.getRaisedAt();
    }

    public List<Alert> cases() {
        return cases;
    }

    public List<Planted> planted() {
        return planted;
    }

    public List<PortLoad> loads() {
        return loads;
    }

    public double medianPortPerDay() {
        double[] perDay = loads.stream().mapToDouble(PortLoad::perDay).sorted().toArray();
        return perDay.length == 0 ? 0 : perDay.length % 2 == 1 ? perDay[perDay.length / 2]
                : (perDay[perDay.length / 2 - 1] + perDay[perDay.length / 2]) / 2;
    }

    public PortLoad busiestPort() {
        return loads.stream().max(Comparator.comparingDouble(PortLoad::perDay)).orElseThrow();
    }

    public Map<Severity, Integer> severityMix() {
        Map<Severity, Integer> mix = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            mix.put(s, 0);
        }
        cases.forEach(a -> mix.merge(a.getSeverity(), 1, Integer::sum));
        return mix;
    }

    /** The rank as a share of all cases: 1 % means the top hundredth. */
    public double percentile(Planted p) {
        return cases.isEmpty() || p.rank() == 0 ? 100 : 100.0 * p.rank() / cases.size();
    }

    /**
     * The share of all cases that are background and outrank the pattern. This is what "in the top 5 %" can mean
     * when several patterns are planted: with six planted and seventy cases, the top 5 % by rank holds three or four
     * places, and only a noisier month would make room for all six.
     */
    public double backgroundAbove(Planted p) {
        return cases.isEmpty() || p.rank() == 0 ? 100 : 100.0 * p.backgroundAbove() / cases.size();
    }

    /** Pairs of cases that hold two or more of the same events (one incident raised twice), described. */
    public List<String> overlappingPairs() {
        return overlapping;
    }

    public int days() {
        return days;
    }
}
