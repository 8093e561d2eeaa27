package eu.portalliance.bench;

import eu.portalliance.platform.Folders;
import eu.portalliance.platform.FreePorts;
import eu.portalliance.platform.kafka.EmbeddedKafka;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The baseline in a JVM of its own, with a broker of its own. In the bench's JVM it trained the JIT on its million
 * events a second: measured first, it left the topology's stream thread half as costly again per event in the
 * throughput run; measured last, on code the JIT had compiled for the topology's traffic, the broker took a fifth fewer
 * events a second. The events go to the child as they are, pre-serialised, in a file.
 */
final class OwnJvmBaseline {
    private static final String SEP = "\t";
    /** The system property that sets the child JVM's options, for comparing settings of the baseline's own JVM. */
    static final String JVM_OPTIONS = "alliance.bench.baselineJvmOptions";
    /**
     * A broker's JVM sized for a million events a second: with G1 left to size its young generation in 768 MiB, the
     * rounds of one run spent 200 or 350 to 450 ms each in collections, whichever size it settled on.
     */
    private static final String DEFAULT_JVM_OPTIONS = "-Xmx1g -Xmn512m -XX:+UseG1GC -XX:+AlwaysPreTouch";

    private OwnJvmBaseline() {
    }

    /**
     * In the bench's JVM: runs {@code jvms} children one after another and adds the rows of the one whose pass-through is
     * the median to {@code report}, naming every child's figure; returns that median, events/s. One JVM's five rounds
     * agree with each other, but JVMs do not: forty-five of them ranged -30 %/+19 % around their median, the medians of
     * three within ±12 % (docs/performance.md). What differs is fixed at a JVM's start, so only more JVMs average it out.
     */
    static double measure(List<Baseline.Event> events, int partitions, Report report, Path dir, int jvms) throws Exception {
        Path data = dir.resolve("baseline-events.bin");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(data)))) {
            out.writeInt(events.size());
            for (Baseline.Event e : events) {
                out.writeUTF(e.key());
                out.writeInt(e.value().length);
                out.write(e.value());
            }
        }
        List<Child> children = new ArrayList<>();
        for (int i = 1; i <= jvms; i++) {
            System.out.printf("baseline: JVM %d of %d%n", i, jvms);
            children.add(runChild(data, partitions, dir, i));
        }
        children.sort(Comparator.comparingDouble(Child::passThrough));
        Child median = children.get(children.size() / 2);
        String each = children.stream().map(c -> String.format("%,.0f", c.passThrough())).collect(Collectors.joining(", "));
        for (Report.Row r : median.rows()) {
            String note = !r.name().equals(Baseline.PASS_THROUGH) || jvms == 1 ? r.note() : String.format(
                    "%s; the median JVM of %d, each a JVM and broker of its own: %s (%+.0f %%/%+.0f %%)", r.note(), jvms, each,
                    100 * (children.get(0).passThrough() / median.passThrough() - 1),
                    100 * (children.get(children.size() - 1).passThrough() / median.passThrough() - 1));
            report.add(r.name(), r.value(), r.unit(), note);
        }
        Files.deleteIfExists(data);
        return median.passThrough();
    }

    private record Child(List<Report.Row> rows, double passThrough) {
    }

    private static Child runChild(Path data, int partitions, Path dir, int n) throws Exception {
        Path rows = dir.resolve("baseline-rows-" + n + ".tsv");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty(JVM_OPTIONS, DEFAULT_JVM_OPTIONS).trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), OwnJvmBaseline.class.getName(),
                data.toString(), Integer.toString(partitions), rows.toString(), dir.resolve("baseline-kafka-" + n).toString()));
        Process child = new ProcessBuilder(command).inheritIO().start();
        if (!child.waitFor(10, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new IllegalStateException("the baseline's JVM did not finish within 10 minutes; its output is above");
        }
        if (child.exitValue() != 0) {
            throw new IllegalStateException("the baseline's JVM failed with exit code " + child.exitValue() + "; its output is above");
        }
        List<Report.Row> out = new ArrayList<>();
        double passThrough = Double.NaN;
        for (String line : Files.readAllLines(rows, StandardCharsets.UTF_8)) {
            String[] f = line.split(SEP, -1);
            out.add(new Report.Row(f[0], f[1], f[2], f[3]));
            if (f[0].equals(Baseline.PASS_THROUGH)) {
                passThrough = Double.parseDouble(f[1].replace(",", ""));
            }
        }
        return new Child(out, passThrough);
    }

    /** The child: args are the events' file, the partitions, the file for its rows, and a folder for its broker. */
    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        List<Baseline.Event> events = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(Path.of(args[0]))))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String key = in.readUTF();
                byte[] value = new byte[in.readInt()];
                in.readFully(value);
                events.add(new Baseline.Event(key, value));
            }
        }
        Path logDir = Path.of(args[3]);
        Report report = new Report();
        int[] ports = FreePorts.pick(2);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, ports[0], ports[1], Map.of())) {
            new Baseline(kafka.bootstrapServers(), Integer.parseInt(args[1]), report).measure(events);
        } finally {
            // Deleted at once: what Linux has not yet written back of its gigabytes is then never written.
            Folders.deleteQuietly(logDir);
        }
        StringBuilder out = new StringBuilder();
        for (Report.Row r : report.rows()) {
            out.append(r.name()).append(SEP).append(r.value()).append(SEP).append(r.unit()).append(SEP).append(r.note()).append('\n');
        }
        Files.writeString(Path.of(args[2]), out, StandardCharsets.UTF_8);
        System.exit(0);
    }
}
