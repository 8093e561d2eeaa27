package eu.portalliance.topology.screening;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.HandlingCode;
import eu.portalliance.topology.avro.IntelligenceFact;
import eu.portalliance.topology.avro.IntelligenceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntelligenceFactsTest {
    private static final Instant T = Instant.parse("2024-03-01T08:00:00Z");

    private static IntelligenceFact fact(IntelligenceKind kind, String source, long hours, boolean open) {
        return new IntelligenceFact(kind, source, List.of("BEANR"), T.plusSeconds(hours * 3600), HandlingCode.TLP_GREEN,
                List.of(), open);
    }

    /** What a store keeping facts by {@link IntelligenceFacts#replaces} ends with after reading them in this order. */
    private static IntelligenceFact kept(List<IntelligenceFact> inOrder) {
        IntelligenceFact stored = null;
        for (IntelligenceFact f : inOrder) {
            stored = stored == null || IntelligenceFacts.replaces(f, stored) ? f : stored;
        }
        return stored;
    }

    @Test
    void anEntitysSightingsEndInTheNewestWhateverTheOrderTheyAreRead() {
        List<IntelligenceFact> facts = new ArrayList<>(List.of(fact(IntelligenceKind.SEIZURE, "SZ-1", 0, true),
                fact(IntelligenceKind.SEIZURE, "SZ-3", 48, true), fact(IntelligenceKind.SEIZURE, "SZ-2", 24, true),
                fact(IntelligenceKind.SEIZURE, "SZ-4", 48, true)));
        Set<String> outcomes = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            Collections.shuffle(facts, random);
            outcomes.add(kept(facts).getSourceId());
        }
        assertThat(outcomes).as("the newest, the larger source id on a tie").containsExactly("SZ-4");
    }

    @Test
    void aCasesRevisionsComeInOrderAndTheLastStands() {
        IntelligenceFact open = fact(IntelligenceKind.CASE, "CASE-1", 48, true);
        IntelligenceFact merged = fact(IntelligenceKind.CASE, "CASE-1", 24, false);
        assertThat(kept(List.of(open, merged))).isEqualTo(merged);
    }
}
