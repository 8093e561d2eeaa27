package eu.portalliance.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.portalliance.avro.SeizureReport;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class RegistryStateTest {
    static final Schema V1 = RegistryState.parse("""
            {"type":"record","name":"E","fields":[{"name":"a","type":"string"}]}""");
    static final Schema V2_WITH_DEFAULT = RegistryState.parse("""
            {"type":"record","name":"E","fields":[{"name":"a","type":"string"},
             {"name":"b","type":"int","default":0}]}""");
    static final Schema V2_WITHOUT_DEFAULT = RegistryState.parse("""
            {"type":"record","name":"E","fields":[{"name":"a","type":"string"},{"name":"b","type":"int"}]}""");

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

    @Test
    void registeringTheSameSchemaTwiceGivesTheSameIdAndVersion() {
        int first = registry.register("s-value", V1);
        int again = registry.register("s-value", V1);
        assertThat(again).isEqualTo(first);
        assertThat(registry.versions("s-value")).containsExactly(1);
    }

    @Test
    void theSameSchemaUnderAnotherSubjectKeepsItsId() {
        int a = registry.register("a-value", V1);
        int b = registry.register("b-value", V1);
        assertThat(b).isEqualTo(a);
        assertThat(registry.register("b-value", V2_WITH_DEFAULT)).isNotEqualTo(a);
    }

    @Test
    void backwardCompatibleEvolutionGetsANewVersion() {
        registry.register("s-value", V1);
        int id2 = registry.register("s-value", V2_WITH_DEFAULT);
        assertThat(registry.versions("s-value")).containsExactly(1, 2);
        assertThat(registry.version("s-value", "latest").id()).isEqualTo(id2);
        assertThat(registry.version("s-value", "1").schema()).isEqualTo(V1);
    }

    @Test
    void aFieldWithoutDefaultIsRejectedAs409() {
        registry.register("s-value", V1);
        assertThat(registry.isCompatible("s-value", V2_WITHOUT_DEFAULT)).isFalse();
        assertThatThrownBy(() -> registry.register("s-value", V2_WITHOUT_DEFAULT))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("incompatible").contains("s-value").contains("b");
                });
        assertThat(registry.versions("s-value")).containsExactly(1);
    }

    @Test
    void noneLetsAnythingThrough() {
        registry.register("s-value", V1);
        registry.setCompatibility("s-value", CompatibilityLevel.NONE);
        registry.register("s-value", V2_WITHOUT_DEFAULT);
        assertThat(registry.versions("s-value")).containsExactly(1, 2);
        assertThat(registry.compatibility(null)).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void forwardChecksTheOtherDirection() {
        registry.setCompatibility(null, CompatibilityLevel.FORWARD);
        registry.register("s-value", V2_WITH_DEFAULT);
        // Old readers (with b, default 0) can read new data without b: forward compatible.
        assertThat(registry.isCompatible("s-value", V1)).isTrue();
    }

    @Test
    void unknownThingsAre404WithConfluentCodes() {
        assertThatThrownBy(() -> registry.version("nope", "latest"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
        registry.register("s-value", V1);
        assertThatThrownBy(() -> registry.version("s-value", "7"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40402));
        assertThatThrownBy(() -> registry.schemaById(999))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> registry.version("s-value", "first"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42202));
    }

    @Test
    void invalidSchemaIs422() {
        assertThatThrownBy(() -> RegistryState.parse("{\"type\":\"record\",\"name\":\"E\"}"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo(42201);
                });
        assertThatThrownBy(() -> RegistryState.parse("not json"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
    }

    @Test
    void theContractItselfIsRegistrable() {
        int id = registry.register("ports.BEANR.seizures.v1-value", SeizureReport.getClassSchema());
        assertThat(registry.schemaById(id)).isEqualTo(SeizureReport.getClassSchema());
    }
}
