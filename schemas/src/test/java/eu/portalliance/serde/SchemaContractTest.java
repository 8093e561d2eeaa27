package eu.portalliance.serde;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertOutcome;
import eu.portalliance.avro.PortInfo;
import eu.portalliance.avro.RiskOrigin;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.Subscription;
import eu.portalliance.avro.SuspiciousContainerEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schemas are the contract with the ports: documented, and ready to evolve BACKWARD compatibly. */
class SchemaContractTest {

    static Stream<Schema> topLevel() {
        return Stream.of(SeizureReport.getClassSchema(), SuspiciousContainerEvent.getClassSchema(),
                Alert.getClassSchema(), AlertOutcome.getClassSchema(), RiskOrigin.getClassSchema(),
                PortInfo.getClassSchema(), Subscription.getClassSchema());
    }

    @ParameterizedTest
    @MethodSource("topLevel")
    void everyTypeAndFieldIsDocumented(Schema schema) {
        List<String> missing = new ArrayList<>();
        walk(schema, new HashSet<>(), s -> {
            if ((s.getType() == Schema.Type.RECORD || s.getType() == Schema.Type.ENUM) && blank(s.getDoc())) {
                missing.add(s.getFullName());
            }
            if (s.getType() == Schema.Type.RECORD) {
                s.getFields().stream().filter(f -> blank(f.doc())).forEach(f -> missing.add(s.getName() + "." + f.name()));
            }
        });
        assertThat(missing).as("types and fields without a doc string").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("topLevel")
    void optionalFieldsHaveDefaultsAndEnumsAFallbackSymbol(Schema schema) {
        List<String> problems = new ArrayList<>();
        walk(schema, new HashSet<>(), s -> {
            if (s.getType() == Schema.Type.RECORD) {
                s.getFields().stream()
                        .filter(f -> f.schema().isNullable() && !f.hasDefaultValue())
                        .forEach(f -> problems.add(s.getName() + "." + f.name() + " is nullable without a default"));
            }
            if (s.getType() == Schema.Type.ENUM && s.getEnumDefault() == null) {
                problems.add(s.getFullName() + " has no default symbol, so a new symbol would break old readers");
            }
        });
        assertThat(problems).isEmpty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void walk(Schema s, Set<String> seen, java.util.function.Consumer<Schema> visit) {
        switch (s.getType()) {
            case RECORD -> {
                if (!seen.add(s.getFullName())) {
                    return;
                }
                visit.accept(s);
                s.getFields().forEach(f -> walk(f.schema(), seen, visit));
            }
            case ENUM -> {
                if (seen.add(s.getFullName())) {
                    visit.accept(s);
                }
            }
            case UNION -> s.getTypes().forEach(t -> walk(t, seen, visit));
            case ARRAY -> walk(s.getElementType(), seen, visit);
            case MAP -> walk(s.getValueType(), seen, visit);
            default -> {
            }
        }
    }
}
