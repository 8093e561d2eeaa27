package eu.portalliance.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One table of results: printed, and written as Markdown and CSV so runs can be compared. */
final class Report {
    record Row(String name, String value, String unit, String note) {
    }

    private final List<Row> rows = new ArrayList<>();

    List<Row> rows() {
        return List.copyOf(rows);
    }

    void add(String name, double value, String unit, String note) {
        rows.add(new Row(name, value >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value), unit, note));
    }

    void add(String name, String value, String unit, String note) {
        rows.add(new Row(name, value, unit, note));
    }

    String table() {
        int w = rows.stream().mapToInt(r -> r.name().length()).max().orElse(10);
        int v = rows.stream().mapToInt(r -> r.value().length()).max().orElse(10);
        StringBuilder out = new StringBuilder();
        for (Row r : rows) {
            out.append(String.format("%-" + w + "s  %" + v + "s  %-9s %s%n", r.name(), r.value(), r.unit(), r.note()));
        }
        return out.toString();
    }

    void write(Path folder, String header) throws IOException {
        Files.createDirectories(folder);
        StringBuilder md = new StringBuilder(header).append("\n\n| measure | value | unit | note |\n|---|---:|---|---|\n");
        StringBuilder csv = new StringBuilder("measure,value,unit,note\n");
        for (Row r : rows) {
            md.append("| ").append(r.name()).append(" | ").append(r.value()).append(" | ").append(r.unit()).append(" | ")
                    .append(r.note()).append(" |\n");
            csv.append(r.name()).append(',').append(r.value().replace(",", "")).append(',').append(r.unit()).append(",\"")
                    .append(r.note().replace("\"", "'")).append("\"\n");
        }
        Files.writeString(folder.resolve("bench.md"), md, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("bench.csv"), csv, StandardCharsets.UTF_8);
    }
}
