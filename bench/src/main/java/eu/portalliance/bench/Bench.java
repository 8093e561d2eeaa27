package eu.portalliance.bench;

import eu.portalliance.platform.Folders;
import eu.portalliance.platform.FreePorts;
import eu.portalliance.platform.Platform;
import eu.portalliance.platform.Preflight;
import eu.portalliance.platform.UserError;
import eu.portalliance.platform.kafka.EmbeddedKafka;
import eu.portalliance.platform.kafka.Lag;
import eu.portalliance.platform.kafka.ReferenceSeeder;
import eu.portalliance.platform.kafka.TopicProvisioner;
import eu.portalliance.platform.registry.RegistryServer;
import eu.portalliance.ports.simulation.SimEvent;
import eu.portalliance.ports.simulation.Simulator;
import eu.portalliance.reference.KnownPorts;
import eu.portalliance.registry.RestSchemaRegistryClient;
import eu.portalliance.serde.AvroSerializer;
import eu.portalliance.topics.TopicSpec;
import eu.portalliance.topics.Topics;
import eu.portalliance.topology.AllianceConfig;
import eu.portalliance.topology.AllianceStreams;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/alliance bench}: the broker's own pass-through of alliance events as the baseline (in a JVM of its own),
 * then, on a fresh embedded broker, the topology (exactly-once) against it — throughput, latency at fixed rates,
 * footprint, backtest, screening.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure the alliance on a fresh embedded broker "
        + "against the broker's own pass-through; prints one table and writes bench.md and bench.csv.")
public final class Bench implements Callable<Integer> {
    @Option(names = "--events", defaultValue = "100000", description = "Simulated events for throughput and backtest (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--rates", split = ",", defaultValue = "2000,10000", description = "Input rates for the latency runs, events/s (default: ${DEFAULT-VALUE}).")
    List<Integer> rates;

    @Option(names = "--latency-seconds", defaultValue = "15", description = "Length of each latency run (default: ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of each port's input topics (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads of the topology (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--config", description = "Kafka Streams setting for the topology, KEY=VALUE; repeat for several.")
    Map<String, String> streamsSettings = new java.util.LinkedHashMap<>();

    @Option(names = "--warm-up-rounds", defaultValue = "4", description = "Rounds of up to 20,000 events through a warm-up "
            + "topology before anything is measured (default: ${DEFAULT-VALUE}).")
    int warmUpRounds;

    @Option(names = "--out", defaultValue = "bench/results", description = "Folder for bench.md and bench.csv (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--hot-events", defaultValue = "5000", description = "Events of each hot-entity row (default: ${DEFAULT-VALUE}).")
    int hotEvents;

    @Option(names = "--vessel-call", defaultValue = "15000", description = "Containers of the screened vessel call (default: ${DEFAULT-VALUE}).")
    int vesselCall;

    @Option(names = "--arrivals-month", defaultValue = "100000", description = "Arrival notices of the month screened week by week, "
            + "0 to skip (default: ${DEFAULT-VALUE}).")
    private int arrivalsMonth;

    @Option(names = "--baseline-only", description = "Measure the broker's pass-through alone and stop: how steady the "
            + "baseline is on this machine, in a minute per baseline JVM.")
    boolean baselineOnly;

    @Option(names = "--baseline-jvms", defaultValue = "3", description = "JVMs the baseline is measured in, one after "
            + "another, each with a broker of its own; the median is the baseline (default: ${DEFAULT-VALUE}).")
    int baselineJvms;

    private final Report report = new Report();
    private EmbeddedKafka kafka;
    private RegistryServer registry;
    private Path dir;

    public static void main(String[] args) {
        // bench.csv and topics.csv are read by programs: the same digits and decimal point on every desktop.
        Locale.setDefault(Locale.ROOT);
        System.exit(commandLine().execute(args));
    }

    /** The bench's command line: a problem the user can fix is one line and exit code 2. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Bench());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserError) {
                commandLine.getErr().println("bench: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    private record Serialized(String topic, String key, byte[] value) {
    }

    @Override
    public Integer call() throws Exception {
        // Checked before a run of twenty minutes, not when its table is written at the end.
        if (baselineJvms < 1) {
            throw new UserError("--baseline-jvms is " + baselineJvms + ": the baseline needs at least one JVM; give 1 or more");
        }
        Preflight.writableFolder(out, "the bench's output folder", "--out");
        dir = Files.createTempDirectory("alliance-bench");
        try {
            int[] ports = FreePorts.pick(2);
            kafka = EmbeddedKafka.start(dir.resolve("kafka"), ports[0], ports[1], Map.of());
            List<TopicSpec> specs = new ArrayList<>();
            for (TopicSpec s : Platform.allTopics()) {
                boolean input = Topics.PORT_EVENTS.matcher(s.name()).matches();
                specs.add(input ? new TopicSpec(s.name(), partitions, s.configs()) : s);
            }
            try (Admin admin = admin()) {
                TopicProvisioner.ensure(admin, specs, (short) 1);
            }
            registry = RegistryServer.start(kafka.bootstrapServers(), Topics.SCHEMAS, "127.0.0.1", 0, Map.of());
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());
            ReferenceSeeder.seedIfEmpty(kafka.bootstrapServers(), client, Map.of());

            System.out.printf("Port Alliance bench: %,d events, input partitions %d, %d stream thread(s), %d cores%n",
                    events, partitions, threads, Runtime.getRuntime().availableProcessors());
            List<Serialized> history = serialize(new Simulator(new Simulator.Settings(1, KnownPorts.allianceLocodes(),
                    Instant.parse("2025-01-06T00:00:00Z"), events / 28.0)).take(events), client);
            double avgBytes = history.stream().mapToInt(s -> s.value().length).average().orElse(0);
            report.add("event size (Avro, wire format)", avgBytes, "bytes", "mean over the simulated mix");

            double baseline = OwnJvmBaseline.measure(history.stream().map(h -> new Baseline.Event(h.key(), h.value())).toList(),
                    inputPartitions().size(), report, dir, baselineJvms);
            if (!baselineOnly) {
                runTopology(client, history, baseline);
            }
            String table = report.table();
            System.out.println();
            System.out.print(table);
            report.write(out, "Port Alliance bench, " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores, " + events + " events, " + partitions + " input partitions, " + threads + " stream thread(s)"
                    + (streamsSettings.isEmpty() ? "" : ", settings " + streamsSettings));
            System.out.println("\nWritten to " + out.resolve("bench.md") + ", " + out.resolve("bench.csv") + " and " + out.resolve("topics.csv"));
            return 0;
        } finally {
            if (live != null) {
                live.close();
            }
            if (registry != null) {
                registry.close();
            }
            if (kafka != null) {
                kafka.close();
            }
            Folders.deleteQuietly(dir);
        }
    }

    /** Everything after the baseline: the topology's throughput, latency, hot entities, footprint, backtest, screening. */
    private void runTopology(RestSchemaRegistryClient client, List<Serialized> history, double baseline) throws Exception {
        warmUp(events, client);
        topologyThroughput(history, client, baseline);
        LatencyBench latency = new LatencyBench(this, client, latencySeconds);
        for (int rate : rates) {
            latency.measure(rate);
        }
        liveEvents += latency.eventsSent();
        new HotEntities(this, client, hotEvents).measure();
        footprint(liveEvents);
        new Backtest(this).measure();
        // Screening last, on its own: with the live topology still running, every notice was screened twice.
        new VesselCallBench(this, client, vesselCall).measure();
        if (arrivalsMonth > 0) {
            new ArrivalsMonthBench(this, client, arrivalsMonth).measure();
        }
    }

    private AllianceStreams live;
    /** Events the live topology was given, for state size per event. */
    private long liveEvents;

    private List<Serialized> serialize(List<SimEvent> sim, RestSchemaRegistryClient client) {
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(client, false, true);
        List<Serialized> out = new ArrayList<>(sim.size());
        for (SimEvent e : sim) {
            out.add(new Serialized(e.topic(), e.key(), serializer.serialize(e.topic(), e.event())));
        }
        return out;
    }

    /**
     * The whole topology through other events (other seeds, another application id) so that what is measured next is
     * mostly compiled code, as in a topology that has run for a while. On two cores the C2 compiler thread otherwise
     * takes most of a core: after one pass of the events it was still compiling the topology's own hot methods during
     * the measured run. How much the JIT still used during that run is reported beside it.
     */
    private void warmUp(int events, RestSchemaRegistryClient client) throws Exception {
        int perRound = Math.min(events, WARM_UP_ROUND);
        try (Admin admin = admin()) {
            startAtEnd(admin, "bench-warmup");
            try (AllianceStreams topology = startTopology("bench-warmup")) {
                topology.awaitRunning(Duration.ofMinutes(2));
                for (int round = 1; round <= warmUpRounds; round++) {
                    Instant start = Instant.parse("2024-06-03T00:00:00Z").plus(Duration.ofDays(28L * (round - 1)));
                    List<Serialized> batch = serialize(new Simulator(new Simulator.Settings(1 + round,
                            KnownPorts.allianceLocodes(), start, perRound / 28.0)).take(perRound), client);
                    Map<String, Long> jit0 = CompilerCpu.now();
                    long t0 = System.nanoTime();
                    long done = sendAndAwaitCaughtUp(admin, "bench-warmup", batch);
                    System.out.printf("warm-up round %d: %,d events through the topology in %.1f s%s%n", round, batch.size(),
                            secs(done - t0), CompilerCpu.available() ? String.format(", the JIT using %.0f %% of a core",
                                    CompilerCpu.percentOfACore(jit0, secs(done - t0))) : "");
                }
            }
        }
        CompilerCpu.awaitQuiet();
    }

    /** Sends the events, then waits until the group has committed past them; returns that moment's nanoTime. */
    private long sendAndAwaitCaughtUp(Admin admin, String group, List<Serialized> events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (Serialized s : events) {
                producer.send(new ProducerRecord<>(s.topic(), s.key(), s.value()));
            }
        }
        return Lag.awaitCaughtUp(admin, group, inputPartitions(), 1800);
    }

    private static final int WARM_UP_ROUND = 20_000;

    /** The same events through the full topology (exactly_once_v2), first input to last committed output. */
    private void topologyThroughput(List<Serialized> history, RestSchemaRegistryClient client, double baseline) throws Exception {
        try (Admin admin = admin()) {
            // The warm-up left its events on the input topics: the topology starts after them, from offsets committed
            // for its group before it exists, so no record is skipped or read twice.
            startAtEnd(admin, "bench-live");
            live = AllianceStreams.start(AllianceConfig.builder(kafka.bootstrapServers(), dir.resolve("state-live"), "bench")
                    .applicationId("bench-live").streamThreads(threads).build(), client, settings());
            live.awaitRunning(Duration.ofMinutes(2));
            // The warm-up wrote its own alerts to the same topic: count only what this run adds.
            Map<TopicPartition, Long> alertsBefore = CasesWritten.alertEnds(kafka.bootstrapServers());
            BrokerTraffic before = BrokerTraffic.now();
            Map<String, Long> jitBefore = CompilerCpu.now();
            ThreadCpu.Reading cpuBefore = ThreadCpu.now("bench-live");
            long t0 = System.nanoTime();
            long done = sendAndAwaitCaughtUp(admin, "bench-live", history);
            liveEvents += history.size();
            double rate = history.size() / secs(done - t0);
            report.add("topology throughput", rate, "events/s", "exactly_once_v2, first input to last committed output");
            // Three significant digits: at two decimals a ratio of 0.004 read 0.00.
            report.add("ratio", String.format("%.3g", rate / baseline), "x", String.format("topology / baseline "
                    + "pass-through: one event through the topology for every %,.0f the broker passes through", baseline / rate));
            if (ThreadCpu.available()) {
                Map<String, Double> cpu = ThreadCpu.millisSince(cpuBefore);
                report.add("CPU per event", ThreadCpu.microsPerEvent(cpu, history.size()), "µs/event", "this JVM during the "
                        + "throughput run, by kind of thread in µs/event: " + ThreadCpu.split(cpu, history.size()));
                report.add("stream thread CPU", 1000 * cpu.get(ThreadCpu.STREAM) / history.size(), "µs/event",
                        "the topology's stream threads alone: what a change to its processing changes");
            }
            if (CompilerCpu.available()) {
                report.add("JIT during the run", CompilerCpu.percentOfACore(jitBefore, secs(done - t0)), "% of a core",
                        "CPU of the JIT's compiler threads during the throughput run, after the warm-up");
            }
            // What the run produced, so a faster topology can be seen to raise the same alerts.
            CasesWritten cases = CasesWritten.since(kafka.bootstrapServers(), client, alertsBefore);
            if (cases.ids() == 0) {
                throw new IllegalStateException("The throughput run raised no alerts: the group looked caught up before the "
                        + "topology had correlated what it was sent, so its time measures nothing. Check Lag.remaining.");
            }
            report.add("alerts raised", String.format("%,d", cases.ids()), "alerts", "distinct case ids on "
                    + Topics.ALERTS + " written by the throughput run, " + String.format("%,d", cases.revisions()) + " revisions");
            // Ids of cases later merged into others depend on the order partitions were read in; the cases left
            // open do not, so their digest is the same on every run of the same events, whatever the build's speed.
            report.add("cases open at the end", String.format("%,d", cases.open()), "cases", "digest " + cases.digest()
                    + " of their ids and events: equal digests, equal cases");
            Map<String, Double> dropped = droppedRecords();
            report.add("records dropped", String.format("%,.0f", dropped.values().stream().mapToDouble(d -> d).sum()), "records",
                    "records Kafka Streams skipped (dead-lettered, or late for a window): dropped-records-total by sub-topology "
                    + dropped);
            BrokerTraffic.report(BrokerTraffic.now().since(before, "bench-live"), history.size(), report, out);
        }
    }

    /** Kafka Streams' dropped-records-total per sub-topology ("0", "1", …), summed over its tasks. */
    private Map<String, Double> droppedRecords() {
        Map<String, Double> bySubtopology = new TreeMap<>();
        live.kafkaStreams().metrics().forEach((name, metric) -> {
            if (name.name().equals("dropped-records-total") && name.tags().containsKey("task-id")) {
                bySubtopology.merge(name.tags().get("task-id").split("_")[0],
                        ((Number) metric.metricValue()).doubleValue(), Double::sum);
            }
        });
        return bySubtopology;
    }

    /** {@code group} starts after everything on the input topics so far. */
    void startAtEnd(Admin admin, String group) throws Exception {
        Offsets.startAtEnd(admin, group, inputPartitions());
    }

    /** Every partition of the alerts topic, assigned to {@code consumer}. */
    static List<TopicPartition> assignAlerts(KafkaConsumer<?, ?> consumer) {
        List<TopicPartition> parts = consumer.partitionsFor(Topics.ALERTS).stream()
                .map(p -> new TopicPartition(Topics.ALERTS, p.partition())).toList();
        consumer.assign(parts);
        return parts;
    }

    private void footprint(long processed) throws IOException {
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        // The pools peak at different moments, so their sum can pass -Xmx: an upper bound; RSS below is what counts.
        report.add("peak heap", heap / 1048576.0, "MiB", "bench JVM: broker, registry and topology together; the sum of "
                + "each heap pool's own peak");
        report.add("peak RSS", rssMiB(), "MiB", "VmHWM of the same process");
        // Closed first, so RocksDB has flushed its memtables and the folder holds all the state.
        live.close();
        live = null;
        long bytes = folderSize(dir.resolve("state-live"));
        report.add("state on disk", bytes / 1048576.0 / processed * 1_000_000, "MiB/M events",
                String.format("topology state folder after %,d events, closed (RocksDB, uncompacted)", processed));
    }

    Report report() {
        return report;
    }

    /** A fresh topology instance under {@code applicationId}, its state in its own folder. */
    AllianceStreams startTopology(String applicationId) {
        return AllianceStreams.start(AllianceConfig.builder(kafka.bootstrapServers(), dir.resolve("state-" + applicationId), "bench")
                .applicationId(applicationId).streamThreads(threads).build(), new RestSchemaRegistryClient(registry.url()), settings());
    }

    private Properties settings() {
        Properties p = new Properties();
        p.putAll(streamsSettings);
        return p;
    }

    Set<TopicPartition> inputPartitions() {
        Set<TopicPartition> out = new HashSet<>();
        for (String port : KnownPorts.allianceLocodes()) {
            for (int p = 0; p < partitions; p++) {
                out.add(new TopicPartition(Topics.seizures(port), p));
                out.add(new TopicPartition(Topics.suspicious(port), p));
            }
        }
        return out;
    }

    KafkaProducer<String, byte[]> producer() {
        return producer(10);
    }

    KafkaProducer<String, byte[]> producer(int lingerMs) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all",
                "linger.ms", lingerMs, "batch.size", 65536, "compression.type", "lz4", "enable.idempotence", true),
                new StringSerializer(), new ByteArraySerializer());
    }

    Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    }

    String bootstrap() {
        return kafka.bootstrapServers();
    }

    static double secs(long nanos) {
        return nanos / 1e9;
    }

    private static double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return -1;
    }

    private static long folderSize(Path p) throws IOException {
        if (!Files.exists(p)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(p)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
