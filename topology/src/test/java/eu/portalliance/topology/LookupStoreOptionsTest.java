package eu.portalliance.topology;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.topology.query.AllianceStores;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.Options;

class LookupStoreOptionsTest {
    @Test
    void theIntelligenceStoreGetsAMemtableBloomFilterAndNoOtherStoreDoes() {
        try (Options intelligence = new Options(); Options sightings = new Options()) {
            new LookupStoreOptions().setConfig(AllianceStores.SCREENING_INTELLIGENCE, intelligence, Map.of());
            new LookupStoreOptions().setConfig(AllianceStores.ENTITY_SIGHTINGS, sightings, Map.of());

            assertThat(intelligence.memtableWholeKeyFiltering()).isTrue();
            assertThat(intelligence.memtablePrefixBloomSizeRatio()).isPositive();
            assertThat(sightings.memtableWholeKeyFiltering()).isFalse();
            assertThat(sightings.memtablePrefixBloomSizeRatio()).isZero();
        }
    }
}
