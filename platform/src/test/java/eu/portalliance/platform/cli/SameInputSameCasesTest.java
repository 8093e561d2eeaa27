package eu.portalliance.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.CaseStatus;
import eu.portalliance.platform.ChildJvm;
import eu.portalliance.platform.CliRun;
import eu.portalliance.platform.FreePorts;
import eu.portalliance.platform.kafka.Lag;
import eu.portalliance.platform.kafka.TopicSnapshot;
import eu.portalliance.reference.KnownPorts;
import eu.portalliance.registry.RestSchemaRegistryClient;
import eu.portalliance.topics.Topics;
import eu.portalliance.topology.AllianceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "This input raises these cases", whatever happens on the way: one alliance gets a simulation once, cleanly; another
 * is killed with SIGKILL while the same simulation streams in, restarted on its data folder, and sent everything
 * again. Both end with the same open cases: the same ids, holding the same events.
 */
@Tag("end-to-end")
class SameInputSameCasesTest {
    // A restart after SIGKILL recovers the broker's logs, aborts what the crash left hanging and restores every store
    // from its changelog: up to a minute on a loaded 2-core machine, and up gives the topology two.
    private static final Duration START = Duration.ofSeconds(330);
    private static final String[] SIMULATION = {"simulate", "--seed", "3", "--events", "3000"};

    @TempDir
    Path dir;

    private static String[] up(Path data, int[] p) {
        return new String[] {"up", "--data-dir", data.toString(), "--kafka-port", "" + p[0], "--controller-port", "" + p[1],
            "--registry-port", "" + p[2], "--http-port", "" + p[3]};
    }

    private static String[] with(int[] p, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap", "127.0.0.1:" + p[0], "--registry", "http://127.0.0.1:" + p[2]));
        return all.toArray(String[]::new);
    }

    @Test
    void aCleanRunAndARunKilledMidStreamThenSentEverythingAgainEndInTheSameCases() throws Exception {
        int[] p = FreePorts.pick(4);
        Map<String, Set<String>> clean;
        try (ChildJvm alliance = ChildJvm.alliance(up(dir.resolve("clean"), p))) {
            alliance.awaitLine("Press Ctrl-C to stop", START);
            assertThat(alliance.output()).noneMatch(l -> l.contains("did not stop cleanly"));
            CliRun sent = CliRun.of(with(p, concat(SIMULATION, "--rate", "0")));
            assertThat(sent.code()).as(sent.err()).isZero();
            clean = openCases(p);
            alliance.terminate(Duration.ofSeconds(60));
        }
        assertThat(clean).as("the simulation's planted scenarios at least").hasSizeGreaterThanOrEqualTo(6);

        Map<String, Set<String>> killed;
        Path data = dir.resolve("killed");
        try (ChildJvm alliance = ChildJvm.alliance(up(data, p))) {
            alliance.awaitLine("Press Ctrl-C to stop", START);
            try (ChildJvm simulation = ChildJvm.alliance(with(p, concat(SIMULATION, "--rate", "400")))) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> inputRecords(p) >= 1000);
                alliance.kill();
                simulation.kill();
            }
        }
        try (ChildJvm alliance = ChildJvm.allianceAsShipped(up(data, p))) {
            alliance.awaitLine("Press Ctrl-C to stop", START);
            // The console says in one line what happened; Kafka Streams' account of the stores it wipes and rebuilds
            // (a stack trace per task) is in the log file only, as is the broker's coordinator calling itself.
            assertThat(alliance.output()).anyMatch(l -> l.contains("did not stop cleanly (killed or crashed)"))
                    .noneMatch(l -> l.contains("corrupted") || l.contains("could not be established"));
            assertThat(Files.readString(data.resolve("logs").resolve("alliance.log"))).contains("TaskCorruptedException");
            // The same static member of the group as before the kill, so it took its tasks back without waiting for the
            // dead member's session to time out.
            assertThat(TopologyGroup.instanceIds("127.0.0.1:" + p[0])).containsExactly("single-machine-1");
            CliRun resent = CliRun.of(with(p, concat(SIMULATION, "--rate", "0")));
            assertThat(resent.code()).as(resent.err()).isZero();
            killed = openCases(p);
            alliance.terminate(Duration.ofSeconds(60));
        }
        assertThat(killed).isEqualTo(clean);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static long inputRecords(int[] p) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", "127.0.0.1:" + p[0]))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Lag.portEventPartitions(KnownPorts.allianceLocodes()).forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(i -> i.offset()).sum();
        }
    }

    /** Once the topology has caught up: every open case's id and the events it holds, read committed. */
    private static Map<String, Set<String>> openCases(int[] p) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", "127.0.0.1:" + p[0]))) {
            Lag.awaitCaughtUp(admin, AllianceConfig.DEFAULT_APPLICATION_ID, Lag.portEventPartitions(KnownPorts.allianceLocodes()), 180);
        }
        var alerts = Topics.alertsTopic(new RestSchemaRegistryClient("http://127.0.0.1:" + p[2]));
        Map<String, Alert> latest;
        try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", "127.0.0.1:" + p[0],
                "isolation.level", "read_committed"), new StringDeserializer(), alerts.valueSerde().deserializer())) {
            latest = TopicSnapshot.latestRevisions(TopicSnapshot.read(consumer, alerts.name()));
        }
        Map<String, Set<String>> open = new TreeMap<>();
        latest.values().stream().filter(a -> a.getStatus() == CaseStatus.OPEN)
                .forEach(a -> open.put(a.getAlertId(), new TreeSet<>(a.getSourceEventIds())));
        return open;
    }
}
