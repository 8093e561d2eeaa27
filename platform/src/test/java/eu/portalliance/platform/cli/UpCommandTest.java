package eu.portalliance.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.platform.ChildJvm;
import eu.portalliance.platform.FreePorts;
import eu.portalliance.platform.Platform;
import eu.portalliance.topics.TopicSpec;
import eu.portalliance.topics.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alliance up} as a user runs it: a separate JVM, real ports, stopped by a signal. */
@Tag("end-to-end")
class UpCommandTest {
    private static final Duration START = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static String[] upArgs(Path dataDir, int[] p) {
        return new String[] {"up", "--data-dir", dataDir.toString(), "--kafka-port", "" + p[0], "--controller-port", "" + p[1],
            "--registry-port", "" + p[2], "--http-port", "" + p[3]};
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void upStartsABrokerWithTheAllianceTopicsAndTheRegistryAndStopsOnSignal() throws Exception {
        int[] p = FreePorts.pick(4);
        Path data = dir.resolve("data");
        try (ChildJvm up = ChildJvm.alliance(upArgs(data, p))) {
            up.awaitLine("Press Ctrl-C to stop", START);
            assertThat(up.output()).noneMatch(l -> l.contains("did not stop cleanly"));
            assertThat(up.output()).anyMatch(l -> l.contains("127.0.0.1:" + p[0]))
                    .anyMatch(l -> l.contains("http://127.0.0.1:" + p[2]))
                    .anyMatch(l -> l.contains("http://127.0.0.1:" + p[3]));

            String bootstrap = "127.0.0.1:" + p[0];
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertThat(topics).containsAll(Platform.allTopics().stream().map(TopicSpec::name).toList());
                assertThat(topics).contains(Topics.ALERTS, Topics.DLQ, Topics.seizures("BEANR"), Topics.suspicious("NLRTM"));
                ConfigResource ref = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RISK_ORIGINS);
                Config config = admin.describeConfigs(List.of(ref)).all().get(30, TimeUnit.SECONDS).get(ref);
                assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
                assertThat(admin.describeTopics(List.of(Topics.seizures("BEANR"))).allTopicNames().get()
                        .get(Topics.seizures("BEANR")).partitions()).hasSize(3);
            }

            // A standard Kafka client, not ours, sees the same broker.
            Process kcat = new ProcessBuilder("kcat", "-L", "-b", bootstrap).redirectErrorStream(true).start();
            String listing = new String(kcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(kcat.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(listing).contains("topic \"" + Topics.ALERTS + "\"").contains("topic \"" + Topics.DLQ + "\"")
                    .contains("topic \"" + Topics.seizures("ESALG") + "\" with 3 partitions");

            assertThat(up.output()).anyMatch(l -> l.contains("Topology         RUNNING"));
            assertThat(get("http://127.0.0.1:" + p[2] + "/subjects"))
                    .contains("alliance.reference.ports.v1-value", "alliance.reference.risk-origins.v1-value");
            assertThat(get("http://127.0.0.1:" + p[3] + "/api/health"))
                    .contains("\"status\":\"UP\"").contains("\"topology\":\"RUNNING\"").contains("\"rejected\"");

            // A second topology instance joins the same application from the command line.
            try (ChildJvm second = ChildJvm.alliance("topology", "--bootstrap", bootstrap, "--registry",
                    "http://127.0.0.1:" + p[2], "--state-dir", dir.resolve("second").toString(), "--replication-factor", "1",
                    "--http-port", Integer.toString(FreePorts.pick(1)[0]), "--redaction-key-file",
                    data.resolve("redaction.key").toString(), "--instance-id", "second")) {
                second.awaitLine("Topology instance RUNNING", START);
                // Both static members (Kafka Streams adds the thread's number): each restart takes its tasks back.
                Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(TopologyGroup.instanceIds(bootstrap))
                        .containsExactlyInAnyOrder("single-machine-1", "second-1"));
                second.terminate(Duration.ofSeconds(30));
                assertThat(second.output()).contains("Topology instance stopped.");
            }

            long stopping = System.nanoTime();
            int code = up.terminate(Duration.ofSeconds(20));
            assertThat(up.output()).as("exit %d", code).contains("Stopped.");
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(20));
        }

        // Same data folder, second start: the broker's log and the schemas are still there.
        try (ChildJvm again = ChildJvm.alliance(upArgs(data, p))) {
            again.awaitLine("Press Ctrl-C to stop", START);
            assertThat(again.output()).anyMatch(l -> l.contains("Topics           " + Platform.allTopics().size()))
                    .as("after a clean stop").noneMatch(l -> l.contains("did not stop cleanly"));
            again.terminate(Duration.ofSeconds(20));
        }
        assertThat(Files.exists(data.resolve("kafka").resolve("meta.properties"))).isTrue();
    }

    @Test
    void aBusyPortIsOneClearLineAndExitCode2() throws Exception {
        int[] p = FreePorts.pick(4);
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), p[2]));
            try (ChildJvm up = ChildJvm.alliance(upArgs(dir.resolve("d"), p))) {
                assertThat(up.waitFor(Duration.ofSeconds(60))).isEqualTo(2);
                assertThat(up.output()).contains("alliance: port " + p[2] + " (--registry-port) is already in use on "
                        + "127.0.0.1: stop whatever holds it, or choose another with --registry-port");
            }
        }
    }

    @Test
    void aDataFolderThatIsAFileIsOneClearLineAndNothingIsTouched() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "keep me");
        try (ChildJvm up = ChildJvm.alliance(upArgs(file, FreePorts.pick(4)))) {
            assertThat(up.waitFor(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(up.output()).anyMatch(l -> l.startsWith("alliance: data folder ") && l.contains("is a file, not a folder"));
        }
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void aSimulatedRateOfNothingIsOneClearLineBeforeAnythingStarts() throws Exception {
        Path data = dir.resolve("never-made");
        List<String> args = new java.util.ArrayList<>(List.of(upArgs(data, FreePorts.pick(4))));
        args.addAll(List.of("--simulate", "--simulate-rate", "-1"));
        try (ChildJvm up = ChildJvm.alliance(args.toArray(String[]::new))) {
            assertThat(up.waitFor(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(up.output()).containsExactly("alliance: --simulate-rate -1.0: give the simulated traffic's events per second, more than 0");
        }
        assertThat(data).doesNotExist();
    }

    @Test
    void anInstanceIdKafkaWouldRefuseIsOneClearLineBeforeAnythingStarts() throws Exception {
        assertThat(topologyRefused(FreePorts.pick(2), "--instance-id", "topology 1")).contains("alliance: --instance-id "
                + "'topology 1': use letters, digits, '.', '_' and '-' only, at most 200 characters (e.g. the host name)");
    }

    @Test
    void topologyAgainstAnUnreachableClusterIsOneClearLine() throws Exception {
        int[] p = FreePorts.pick(2);
        assertThat(topologyRefused(p)).anyMatch(l -> l.startsWith("alliance: cannot use the schema registry at http://127.0.0.1:" + p[1]));
    }

    @Test
    void aBadRocksDbCacheSettingIsOneClearLineBeforeAnythingStarts() throws Exception {
        assertThat(topologyRefused(FreePorts.pick(2), "--config", "alliance.rocksdb.block.cache.bytes=lots"))
                .anyMatch(l -> l.startsWith("alliance: --config alliance.rocksdb.block.cache.bytes is 'lots': give the size of "
                        + "RocksDB's shared block cache in bytes"));
    }

    /**
     * {@code topology} against a broker and registry at {@code p[0]} and {@code p[1]}, where nothing listens, with
     * {@code extra} flags: it must end with exit code 2; returns what it printed.
     */
    private static List<String> topologyRefused(int[] p, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("topology", "--bootstrap", "127.0.0.1:" + p[0],
                "--registry", "http://127.0.0.1:" + p[1]));
        args.addAll(List.of(extra));
        try (ChildJvm topology = ChildJvm.alliance(args.toArray(String[]::new))) {
            assertThat(topology.waitFor(Duration.ofSeconds(60))).isEqualTo(2);
            return topology.output();
        }
    }

    @Test
    void helpListsTheFlags() throws Exception {
        try (ChildJvm help = ChildJvm.alliance("up", "--help")) {
            assertThat(help.waitFor(Duration.ofSeconds(60))).isZero();
            assertThat(String.join("\n", help.output()))
                    .contains("--data-dir").contains("--kafka-port").contains("--registry-port").contains("--http-port");
        }
    }
}
