package eu.portalliance.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.EntityType;
import eu.portalliance.topology.avro.Sighting;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * A gate may say "may fire" when the rule then finds nothing, never "won't fire" when it would find something:
 * the correlator trusts it to skip reading an entity's history.
 */
class GateContractTest {
    static final List<String> PORTS = List.of("BEANR", "NLRTM", "DEHAM", "ESALG");
    static final List<EntityRule> RULES = List.of(new CrossPortEntityRule(), new SuspicionConfirmedRule(), new VesselRepeatRule(2));

    @RepeatedTest(200)
    void aGateNeverVetoesAFindingItsRuleWouldMake(org.junit.jupiter.api.RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        EntityType type = List.of(EntityType.CONTAINER, EntityType.BILL_OF_LADING, EntityType.VESSEL, EntityType.PARTY)
                .get(random.nextInt(4));
        List<Sighting> related = new ArrayList<>();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            related.add(sighting(random, "E" + i, type, i));
        }
        Sighting latest = sighting(random, "LATEST", type, n);
        for (EntityRule rule : RULES) {
            boolean finds = rule.evaluate(latest, related).isPresent();
            assertThat(decide(rule.gate(latest), related) != Gate.Decision.WONT_FIRE || !finds)
                    .as(rule.id() + " on " + related + " then " + latest).isTrue();
        }
    }

    @Test
    void gatesDecideEarlyWhereTheyCan() {
        Sighting atAntwerp = S.suspicion("A", "BEANR", EntityType.VESSEL, "9074729", 0).build();
        Sighting alsoAtAntwerp = S.suspicion("B", "BEANR", EntityType.VESSEL, "9074729", 1).build();
        assertThat(new CrossPortEntityRule().gate(alsoAtAntwerp).see(atAntwerp)).isEqualTo(Gate.Decision.WONT_FIRE);
        assertThat(new SuspicionConfirmedRule().gate(alsoAtAntwerp)).isSameAs(Gate.NEVER);
        assertThat(new VesselRepeatRule(2).gate(alsoAtAntwerp)).isSameAs(Gate.NEVER);
    }

    private static Gate.Decision decide(Gate gate, List<Sighting> related) {
        for (Sighting s : related) {
            Gate.Decision d = gate.see(s);
            if (d != Gate.Decision.UNDECIDED) {
                return d;
            }
        }
        return gate.finish();
    }

    private static Sighting sighting(SplittableRandom random, String id, EntityType type, long hours) {
        String port = PORTS.get(random.nextInt(PORTS.size()));
        Sighting.Builder b = random.nextBoolean() ? S.seizure(id, port, type, "X", hours) : S.suspicion(id, port, type, "X", hours);
        return b.setContainerNumber(random.nextBoolean() ? "CSQU3054383" : null).build();
    }
}
