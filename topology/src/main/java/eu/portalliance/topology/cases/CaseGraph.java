package eu.portalliance.topology.cases;

import eu.portalliance.topology.avro.CaseComponent;
import eu.portalliance.topology.avro.EvidenceRef;
import eu.portalliance.topology.avro.RuleReasons;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An entity's cases as connected components: two sightings are connected when some rule finds something in the pair,
 * and a case is every sighting so connected. Whatever order the sightings arrive in, the same pairs exist in the end and
 * so the same components, with the same earliest sighting and so the same id. A new sighting that connects two cases
 * merges them: the one whose id changes is closed with a MERGED revision pointing at the other.
 */
public final class CaseGraph {
    /** Distinct reasons kept per rule and case, in their natural order so the same input keeps the same ones. */
    static final int MAX_REASONS = 20;
    private static final Comparator<EvidenceRef> ORDER =
            Comparator.comparingLong(EvidenceRef::getEventTime).thenComparing(EvidenceRef::getEventId);

    /** A finding between the new sighting and one already seen. */
    public record Edge(EvidenceRef other, String ruleId, int ruleVersion, String reason) {
    }

    /**
     * @param cases   every case of the entity afterwards
     * @param joined  the case the new sighting is now in
     * @param closed  cases whose id the join retired (each to be published as MERGED into {@code joined})
     */
    public record Join(List<CaseComponent> cases, CaseComponent joined, List<CaseComponent> closed) {
    }

    private CaseGraph() {
    }

    /** Joins {@code sighting}, with the findings it makes, into the entity's cases. {@code edges} is not empty. */
    public static Join join(String entityKey, List<CaseComponent> cases, EvidenceRef sighting, List<Edge> edges) {
        Set<String> linked = new TreeSet<>();
        linked.add(sighting.getEventId());
        edges.forEach(e -> linked.add(e.other().getEventId()));
        List<CaseComponent> touched = new ArrayList<>();
        List<CaseComponent> untouched = new ArrayList<>();
        for (CaseComponent c : cases) {
            boolean shares = c.getEvidence().stream().anyMatch(r -> linked.contains(r.getEventId()));
            (shares ? touched : untouched).add(c);
        }

        TreeSet<EvidenceRef> evidence = new TreeSet<>(ORDER);
        Map<String, RuleReasons> rules = new TreeMap<>();
        long firstRaisedAt = 0;
        for (CaseComponent c : touched) {
            evidence.addAll(c.getEvidence());
            c.getRules().forEach(r -> merge(rules, r.getRuleId(), r.getRuleVersion(), r.getReasons()));
            if (c.getFirstRaisedAt() > 0) {
                firstRaisedAt = firstRaisedAt == 0 ? c.getFirstRaisedAt() : Math.min(firstRaisedAt, c.getFirstRaisedAt());
            }
        }
        evidence.add(sighting);
        for (Edge e : edges) {
            evidence.add(e.other());
            merge(rules, e.ruleId(), e.ruleVersion(), List.of(e.reason()));
        }
        String id = CaseIds.ofEntity(entityKey, evidence.first().getEventId());
        int revision = touched.stream().filter(c -> c.getCaseId().equals(id)).mapToInt(CaseComponent::getRevision).max().orElse(0);
        CaseComponent joined = new CaseComponent(id, revision, firstRaisedAt, new ArrayList<>(evidence), new ArrayList<>(rules.values()));
        List<CaseComponent> closed = touched.stream().filter(c -> !c.getCaseId().equals(id) && c.getRevision() > 0).toList();
        List<CaseComponent> all = new ArrayList<>(untouched);
        all.add(joined);
        return new Join(all, joined, closed);
    }

    private static void merge(Map<String, RuleReasons> rules, String ruleId, int version, List<String> reasons) {
        RuleReasons r = rules.computeIfAbsent(ruleId + ":" + version, k -> new RuleReasons(ruleId, version, new ArrayList<>()));
        TreeSet<String> all = new TreeSet<>(r.getReasons());
        all.addAll(reasons);
        r.setReasons(all.stream().limit(MAX_REASONS).toList());
    }
}
