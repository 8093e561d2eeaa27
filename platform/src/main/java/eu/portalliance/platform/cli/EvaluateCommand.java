package eu.portalliance.platform.cli;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.Severity;
import eu.portalliance.platform.FreePorts;
import eu.portalliance.platform.LogFile;
import eu.portalliance.platform.Platform;
import eu.portalliance.platform.Preflight;
import eu.portalliance.platform.UserError;
import eu.portalliance.platform.evaluate.Evaluation;
import eu.portalliance.platform.kafka.Lag;
import eu.portalliance.platform.kafka.TopicSnapshot;
import eu.portalliance.ports.simulation.MonthTraffic;
import eu.portalliance.ports.simulation.Scenario;
import eu.portalliance.ports.simulation.SimEvent;
import eu.portalliance.reference.KnownPorts;
import eu.portalliance.registry.RestSchemaRegistryClient;
import eu.portalliance.serde.AvroSerializer;
import eu.portalliance.topics.Topics;
import eu.portalliance.topology.AllianceConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Judge the rules by what a watch room receives: run a realistic alliance month (vessel rotations, big "
                + "importers, ~1,000 flags a day, a few hundred seizures a month, planted scenarios) through a fresh "
                + "single-machine alliance, then report the planted patterns found and their rank by score, new cases per "
                + "port per day, the severity mix and cases per incident. Nothing of an existing alliance is touched.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--seed", defaultValue = "5", description = "Random seed of the month (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", defaultValue = "2025-03-03T00:00:00Z", description = "First day of the measured month (default: ${DEFAULT-VALUE}).")
    Instant start;

    @Option(names = "--out", description = "Also write the table, as Markdown, to this file.")
    Path out;

    @Option(names = "--top", defaultValue = "0", description = "Also list the N highest-scoring cases, one line each (default: none).")
    int top;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter print = spec.commandLine().getOut();
        if (top < 0) {
            throw new UserError("--top " + top + ": give how many of the highest-scoring cases to list, 0 or more");
        }
        if (out != null) {
            // Checked now, not after the month has run: a month's run is a minute or more.
            Preflight.writableFolder(out.toAbsolutePath().normalize().getParent(), "--out's folder", "--out");
        }
        MonthTraffic month = new MonthTraffic(MonthTraffic.Settings.month(seed, start));
        Path dir = Files.createTempDirectory("alliance-evaluate");
        LogFile.under(dir);
        print.printf("Evaluating seed %d: %,d events (a lead-in month, then the measured month from %s) through a fresh alliance in %s…%n",
                seed, month.events().size(), start.toString().substring(0, 10), dir);
        print.flush();
        int[] ports = FreePorts.pick(4);
        try (Platform platform = Platform.start(new Platform.Settings(dir.resolve("data"), ports[0], ports[1], ports[2], ports[3], false))) {
            publish(platform, month.events());
            List<Alert> latest = latestRevisions(platform);
            Evaluation e = new Evaluation(latest, month.scenarios(), KnownPorts.allianceLocodes(), month.measuredFrom(), 30);
            String table = table(e, seed);
            print.print(table);
            e.cases().stream().limit(top).forEach(a -> print.printf("%5.1f %-8s %-19s %-8s %-26s %s%n", a.getScore(), a.getSeverity(),
                    a.getType(), a.getRules().stream().map(r -> r.getRuleId()).toList(), a.getEntityType() + " " + a.getEntityId(),
                    String.join(", ", a.getScoreReasons())));
            print.flush();
            if (out != null) {
                Files.writeString(out, table);
            }
            return e.planted().stream().allMatch(Evaluation.Planted::isFound) ? 0 : 1;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /**
     * Day by day, each simulated day once the topology has caught up with the one before: what the alliance knew when
     * it scored a case (a port's origin mix, an entity's flags) is then what it would have known living through the
     * month, not whatever part of two months a bulk load had reached, and two runs give the same table.
     */
    private static void publish(Platform platform, List<SimEvent> events) throws Exception {
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(new RestSchemaRegistryClient(platform.registryUrl()), false, true);
        Map<String, Object> config = new HashMap<>(platform.adminConfig());
        config.putAll(Map.of("acks", "all", "enable.idempotence", true, "linger.ms", 10, "compression.type", "lz4"));
        Map<Long, List<SimEvent>> byDay = new java.util.TreeMap<>();
        events.forEach(e -> byDay.computeIfAbsent(Math.floorDiv(e.time().toEpochMilli(), 86_400_000L), d -> new ArrayList<>()).add(e));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
             Admin admin = Admin.create(platform.adminConfig())) {
            for (List<SimEvent> day : byDay.values()) {
                for (SimEvent e : day) {
                    producer.send(new ProducerRecord<>(e.topic(), e.key(), serializer.serialize(e.topic(), e.event())));
                }
                producer.flush();
                Lag.awaitCaughtUp(admin, AllianceConfig.DEFAULT_APPLICATION_ID, Lag.portEventPartitions(KnownPorts.allianceLocodes()), 600);
            }
        }
    }

    /** Every case's latest revision, read committed from alliance.alerts.v1. */
    static List<Alert> latestRevisions(Platform platform) {
        Map<String, Object> config = new HashMap<>(platform.adminConfig());
        config.put("isolation.level", "read_committed");
        var alerts = Topics.alertsTopic(new RestSchemaRegistryClient(platform.registryUrl()));
        try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(config, new StringDeserializer(), alerts.valueSerde().deserializer())) {
            return new ArrayList<>(TopicSnapshot.latestRevisions(TopicSnapshot.read(consumer, alerts.name())).values());
        }
    }

    static String table(Evaluation e, long seed) {
        StringBuilder t = new StringBuilder();
        int total = e.cases().size();
        t.append(String.format("%nA realistic alliance month (seed %d): %d cases first raised in the %d measured days.%n%n", seed, total, e.days()));
        t.append("| measure | value | target |\n|---|---|---|\n");
        long found = e.planted().stream().filter(Evaluation.Planted::isFound).count();
        t.append(String.format("| planted patterns raised as a case | %d of %d | all |%n", found, e.planted().size()));
        for (Evaluation.Planted p : e.planted()) {
            Scenario s = p.scenario();
            t.append(p.isFound()
                    ? String.format("| · %s | rank %d of %d (top %.1f %%; %d background case(s) above it, %.1f %%), score %.1f, %s, "
                            + "rules %s, %d case(s) on its events | ≤ 5 %% of cases above it are background; one case |%n",
                    s.name(), p.rank(), total, e.percentile(p), p.backgroundAbove(), e.backgroundAbove(p), p.found().getScore(),
                    p.found().getSeverity(), p.found().getRules().stream().map(r -> r.getRuleId()).toList(), p.casesTouching())
                    : String.format("| · %s | not found (%d case(s) touch its events) | found |%n", s.name(), p.casesTouching()));
        }
        Evaluation.PortLoad busiest = e.busiestPort();
        t.append(String.format("| new cases per port per day, median port | %.2f | ≤ 2 |%n", e.medianPortPerDay()));
        t.append(String.format("| new cases per port per day, busiest port | %.2f (%s; busiest day %d) | ≤ 5 |%n",
                busiest.perDay(), busiest.port(), busiest.busiestDay()));
        Map<Severity, Integer> mix = e.severityMix();
        t.append(String.format("| severity mix | %s | CRITICAL ≤ 5 %% |%n", String.join(", ", mix.entrySet().stream()
                .map(m -> String.format("%s %d (%.1f %%)", m.getKey(), m.getValue(), total == 0 ? 0 : 100.0 * m.getValue() / total)).toList())));
        long oneCase = e.planted().stream().filter(p -> p.casesTouching() == 1).count();
        t.append(String.format("| cases per incident | %d of %d planted incidents in exactly one case | all |%n", oneCase, e.planted().size()));
        t.append(String.format("| entity cases holding the same evidence (pairs sharing two events or more) | %d | 0 |%n", e.overlappingPairs().size()));
        e.overlappingPairs().forEach(o -> t.append("|   · ").append(o).append(" | | |\n"));
        return t.toString();
    }
}
