package eu.portalliance.platform.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fault-injection table: one row per fault, against the reference run's open cases. Printed when the suite
 * ends and written to the module's build folder, target/fault-injection.md.
 */
public final class FaultTable {
    private static final List<String> ROWS = new CopyOnWriteArrayList<>();
    private static final String HEADER = "| fault | events (bad) | cases expected | found | lost | extra | records duplicated | DLQ (expected → found) |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---|";

    private FaultTable() {
    }

    public static void add(String fault, int events, int bad, Map<String, Set<String>> expected, InJvmAlliance.Output found,
                           Map<String, Integer> dlq, Map<String, Integer> expectedDlq) {
        add(fault, events, bad, expected, found.openCases(), found.duplicatedRecords(), dlq, expectedDlq);
    }

    public static void add(String fault, int events, int bad, Map<String, Set<String>> expected, Map<String, Set<String>> found,
                           int duplicated, Map<String, Integer> dlq, Map<String, Integer> expectedDlq) {
        long lost = expected.entrySet().stream().filter(e -> !e.getValue().equals(found.get(e.getKey()))).count();
        long extra = found.entrySet().stream().filter(e -> !e.getValue().equals(expected.get(e.getKey()))).count();
        String dlqCell = expectedDlq.equals(dlq) ? (dlq.isEmpty() ? "none → none" : "exact: " + dlq) : expectedDlq + " → " + dlq;
        ROWS.add("| " + fault + " | " + events + (bad > 0 ? " (+" + bad + ")" : "") + " | " + expected.size() + " | "
                + found.size() + " | " + lost + " | " + extra + " | " + duplicated + " | " + dlqCell + " |");
        write();
    }

    static void print() {
        System.out.println("\nFault injection, " + LocalDate.now() + "\n" + HEADER + "\n" + String.join("\n", ROWS) + "\n");
    }

    private static void write() {
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("fault-injection.md"), HEADER + "\n" + String.join("\n", ROWS) + "\n");
            }
        } catch (IOException e) {
            // the printed table is the record; the file is a convenience
        }
    }
}
