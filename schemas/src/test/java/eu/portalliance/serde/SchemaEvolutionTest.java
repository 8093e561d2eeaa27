package eu.portalliance.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertDelivery;
import eu.portalliance.avro.AlertOutcome;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.Subscription;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.registry.CompatibilityLevel;
import eu.portalliance.registry.InMemorySchemaRegistry;
import eu.portalliance.registry.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published contract evolves BACKWARD: each schema as the first wave published it (test resources, contract-v1)
 * is registered first, then today's, under the registry's default level. A subscriber or the history sink that reads
 * with today's schema reads every record written before.
 */
class SchemaEvolutionTest {
    static Stream<Arguments> published() {
        return Stream.of(
                Arguments.of("Alert", Alert.getClassSchema()),
                Arguments.of("AlertDelivery", AlertDelivery.getClassSchema()),
                Arguments.of("AlertOutcome", AlertOutcome.getClassSchema()),
                Arguments.of("SeizureReport", SeizureReport.getClassSchema()),
                Arguments.of("SuspiciousContainerEvent", SuspiciousContainerEvent.getClassSchema()),
                Arguments.of("Subscription", Subscription.getClassSchema()));
    }

    static Schema v1(String name) throws IOException {
        try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream("/contract-v1/" + name + ".avsc")) {
            return new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @MethodSource("published")
    void todaysSchemaIsBackwardCompatibleWithTheFirstWavesAndTheRegistryAcceptsIt(String name, Schema today) throws IOException {
        Schema first = v1(name);
        assertThat(CompatibilityLevel.BACKWARD.problems(today, List.of(first))).isEmpty();
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        String subject = "contract-" + name + "-value";
        int firstId = registry.register(subject, first);
        int todayId = registry.register(subject, today);
        boolean changed = !first.equals(today);
        assertThat(todayId != firstId).isEqualTo(changed);
        assertThat(registry.versions(subject)).hasSize(changed ? 2 : 1);
    }

    @ParameterizedTest
    @MethodSource("published")
    void aFieldAddedWithoutADefaultWouldBeRefused(String name, Schema today) {
        Schema broken = SchemaBuilder.record(today.getName()).namespace(today.getNamespace()).fields()
                .requiredString("addedWithoutDefault").endRecord();
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        registry.register("contract-" + name + "-value", today);
        assertThatThrownBy(() -> registry.register("contract-" + name + "-value", broken)).isInstanceOf(RegistryException.class);
    }
}
