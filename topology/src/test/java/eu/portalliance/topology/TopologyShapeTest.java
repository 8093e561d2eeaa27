package eu.portalliance.topology;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.registry.InMemorySchemaRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyShapeTest {
    @TempDir
    Path dir;

    @Test
    void everyOperatorStoreAndInternalTopicIsNamed() {
        String description = AllianceTopology.build(TopologyFixture.config(dir), new InMemorySchemaRegistry()).describe().toString();
        // Generated names look like KSTREAM-MAP-0000000012 or KSTREAM-AGGREGATE-STATE-STORE-0000000007.
        assertThat(description).doesNotContainPattern("[A-Z]+-[A-Z-]+-\\d{10}");
        assertThat(description).contains("validate-seizures", "sightings-by-entity", "correlate-entities",
                "entity-sightings", "entity-cases", "port-origin-weeks", "route-windows", "alerts-sink", "alerts-table-source",
                "deliveries-by-recipient", "apply-daily-caps", "validate-arrivals", "screen-arrivals", "screening-intelligence",
                "screening-profiles", "scan-recommendations-sink", "sighting-intelligence-sink", "case-intelligence-sink");
    }
}
