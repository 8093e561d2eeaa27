package eu.portalliance.topology.cases;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.topology.avro.CaseComponent;
import eu.portalliance.topology.avro.EvidenceRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseGraphTest {
    static final String ENTITY = "C:CSQU3054383";

    static EvidenceRef at(long t, String id) {
        return new EvidenceRef(t, id);
    }

    static CaseGraph.Edge edge(EvidenceRef other, String rule) {
        return new CaseGraph.Edge(other, rule, 1, rule + " with " + other.getEventId());
    }

    @Test
    void aFirstFindingMakesACaseNamedByItsEarliestEvidence() {
        CaseGraph.Join j = CaseGraph.join(ENTITY, List.of(), at(20, "B"), List.of(edge(at(10, "A"), "C1")));
        assertThat(j.joined().getCaseId()).isEqualTo(CaseIds.ofEntity(ENTITY, "A"));
        assertThat(j.joined().getEvidence()).extracting(EvidenceRef::getEventId).containsExactly("A", "B");
        assertThat(j.joined().getRevision()).isZero();
        assertThat(j.closed()).isEmpty();
    }

    @Test
    void furtherEvidenceKeepsTheIdAndTheRevisionToBuildOn() {
        CaseComponent first = CaseGraph.join(ENTITY, List.of(), at(20, "B"), List.of(edge(at(10, "A"), "C1"))).joined();
        first.setRevision(1);
        CaseGraph.Join second = CaseGraph.join(ENTITY, List.of(first), at(30, "C"), List.of(edge(at(20, "B"), "R1")));
        assertThat(second.joined().getCaseId()).isEqualTo(first.getCaseId());
        assertThat(second.joined().getRevision()).isEqualTo(1);
        assertThat(second.joined().getRules()).extracting(r -> r.getRuleId()).containsExactly("C1", "R1");
        assertThat(second.cases()).hasSize(1);
    }

    @Test
    void anEarlierSightingRenamesTheCaseAndClosesTheOldName() {
        CaseComponent first = CaseGraph.join(ENTITY, List.of(), at(20, "B"), List.of(edge(at(10, "A"), "C1"))).joined();
        first.setRevision(1);
        CaseGraph.Join late = CaseGraph.join(ENTITY, List.of(first), at(5, "Z"), List.of(edge(at(20, "B"), "R1")));
        assertThat(late.joined().getCaseId()).isEqualTo(CaseIds.ofEntity(ENTITY, "Z"));
        assertThat(late.closed()).extracting(CaseComponent::getCaseId).containsExactly(first.getCaseId());
    }

    @Test
    void aSightingThatBridgesTwoCasesMergesThem() {
        CaseComponent left = CaseGraph.join(ENTITY, List.of(), at(20, "B"), List.of(edge(at(10, "A"), "R1"))).joined();
        left.setRevision(2);
        CaseComponent right = CaseGraph.join(ENTITY, List.of(left), at(90, "D"), List.of(edge(at(80, "C"), "R1"))).joined();
        right.setRevision(1);
        CaseGraph.Join bridge = CaseGraph.join(ENTITY, List.of(left, right), at(50, "M"),
                List.of(edge(at(20, "B"), "R1"), edge(at(80, "C"), "C1")));
        assertThat(bridge.cases()).hasSize(1);
        assertThat(bridge.joined().getCaseId()).isEqualTo(left.getCaseId());
        assertThat(bridge.joined().getRevision()).isEqualTo(2);
        assertThat(bridge.closed()).extracting(CaseComponent::getCaseId).containsExactly(right.getCaseId());
        assertThat(bridge.joined().getEvidence()).extracting(EvidenceRef::getEventId).containsExactly("A", "B", "M", "C", "D");
    }

    @Test
    void theSameFindingsInAnyOrderEndInTheSameCase() {
        // Findings A–B (R1), B–C (C1), C–D (R1): every order of the later sightings' arrivals.
        List<List<String>> orders = List.of(List.of("B", "C", "D"), List.of("D", "C", "B"), List.of("C", "B", "D"));
        List<String> ids = new ArrayList<>();
        for (List<String> order : orders) {
            List<CaseComponent> cases = new ArrayList<>();
            List<String> seen = new ArrayList<>(List.of("A"));
            for (String next : order) {
                List<CaseGraph.Edge> edges = new ArrayList<>();
                for (String other : seen) {
                    if (Math.abs(next.charAt(0) - other.charAt(0)) == 1) {
                        edges.add(edge(at(other.charAt(0), other), "R1"));
                    }
                }
                seen.add(next);
                if (!edges.isEmpty()) {
                    CaseGraph.Join j = CaseGraph.join(ENTITY, cases, at(next.charAt(0), next), edges);
                    j.joined().setRevision(j.joined().getRevision() + 1);
                    cases = new ArrayList<>(j.cases());
                }
            }
            assertThat(cases).hasSize(1);
            assertThat(cases.get(0).getEvidence()).extracting(EvidenceRef::getEventId).containsExactly("A", "B", "C", "D");
            ids.add(cases.get(0).getCaseId());
        }
        assertThat(ids).containsOnly(CaseIds.ofEntity(ENTITY, "A"));
    }
}
