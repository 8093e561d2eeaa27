package eu.portalliance.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.platform.CliRun;
import eu.portalliance.platform.FreePorts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A mistyped command line is one line that says what is wrong and where the flags are listed, and exit code 2. */
class CommandLineErrorsTest {

    @Test
    void aBadEnumValueIsOneLineNotTheWholeUsage() {
        CliRun run = CliRun.of("subscribe", "--id", "EUROPOL", "--kind", "BOGUS");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().toList()).containsExactly("alliance subscribe: Invalid value for option '--kind': "
                + "expected one of [PORT, EUROPOL, NATIONAL_HQ, OTHER] (case-sensitive) but was 'BOGUS' "
                + "(bin/alliance subscribe --help lists the flags)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingRequiredFlagAndAnUnknownCommandAreOneLineEach() {
        CliRun missing = CliRun.of("outcome", "--port", "NLRTM");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().lines().toList()).hasSize(1).first().asString()
                .startsWith("alliance outcome: Missing required option").endsWith("(bin/alliance outcome --help lists the flags)");

        CliRun unknown = CliRun.of("subscibe", "--id", "X");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().lines().toList()).hasSize(1).first().asString()
                .startsWith("alliance: Unmatched arguments").endsWith("(bin/alliance --help lists the flags)");
    }

    @Test
    void anOriginNoCaseCouldHaveIsRefusedBeforeAnythingIsWritten() {
        CliRun run = CliRun.of("subscribe", "--id", "EUROPOL", "--origins", "CO,Colombia", "--bootstrap", "127.0.0.1:1",
                "--registry", "http://127.0.0.1:1");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().toList()).containsExactly("alliance: --origins Colombia: give ISO 3166-1 country codes "
                + "(e.g. CO) or UN/LOCODEs of ports of loading (e.g. COCTG), upper case");
    }

    @Test
    void aMinimumScoreAboveTheHighestScoreIsRefusedBeforeAnythingIsWritten() {
        // No broker on this address: the check has to come before any connection, or this would fail differently.
        CliRun run = CliRun.of("subscribe", "--id", "EUROPOL", "--kind", "EUROPOL", "--min-score", "170",
                "--bootstrap", "127.0.0.1:1", "--registry", "http://127.0.0.1:1");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().toList()).containsExactly(
                "alliance: --min-score 170: scores run from 0 to 100, so nothing would reach EUROPOL; give 0 to 100");
    }

    /** Every tool that talks to the alliance, with flags that pass its own checks, so only the address can fail. */
    @ParameterizedTest
    @ValueSource(strings = {"alerts --port NLRTM", "outcome --port NLRTM --alert CASE-1 --result CONFIRMED",
        "subscribe --id EUROPOL --kind EUROPOL", "publish --port BEANR --file ../ports/examples/antwerp-events.jsonl",
        "recommendations --port NLRTM", "scan-result --port NLRTM --recommendation SCAN-1", "vessel-call --port NLRTM",
        "profile show", "simulate --events 10", "provision", "port add ESVGO"})
    void aToolPointedAtNothingSaysSoInOneLine(String command) {
        int[] nothing = FreePorts.pick(2);
        CliRun run = CliRun.of(args(command, "--bootstrap", "127.0.0.1:" + nothing[0], "--registry", "http://127.0.0.1:" + nothing[1]));
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines().toList()).containsExactly("alliance: nothing answers at 127.0.0.1:" + nothing[0]
                + " (--bootstrap): start the alliance (bin/alliance up), or give the cluster's address with --bootstrap");
    }

    @Test
    void aMissingRegistryIsNamedBeforeAnyKafkaClientStarts() throws Exception {
        int[] nothing = FreePorts.pick(1);
        // Something listens where the broker should be; had a Kafka client started, it would wait out its timeout on it.
        try (ServerSocket listening = new ServerSocket()) {
            listening.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            CliRun run = CliRun.of("alerts", "--port", "NLRTM", "--bootstrap", "127.0.0.1:" + listening.getLocalPort(),
                    "--registry", "http://user:secret@127.0.0.1:" + nothing[0]);
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err().lines().toList()).containsExactly("alliance: nothing answers at http://127.0.0.1:" + nothing[0]
                    + " (--registry): start the alliance (bin/alliance up), or give the schema registry's URL with --registry");
        }
    }

    @Test
    void aProfileFileThatIsNotJsonSaysWhereInOneLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("profile.json"), "{\n  \"version\": 2,\n  nope\n}\n");
        CliRun run = CliRun.of("profile", "set", "--file", file.toString(), "--bootstrap", "127.0.0.1:1", "--registry", "http://127.0.0.1:1");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1).first().asString()
                .startsWith("alliance: --file " + file + ": not valid JSON at line 3, column 3: Unexpected character ('n'")
                .doesNotContain("Source");
    }

    @Test
    void connectReadsEveryConnectorFileAndChecksItsAddressesBeforeTheWorkerStarts(@TempDir Path dir) throws Exception {
        CliRun missing = CliRun.of("connect", "--worker", "../connectors/config/worker.properties",
                "--connector", dir.resolve("nope.properties").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().lines().toList()).hasSize(1).first().asString()
                .startsWith("alliance: cannot read " + dir.resolve("nope.properties"));

        int[] nothing = FreePorts.pick(1);
        CliRun unreachable = CliRun.of("connect", "--worker", "../connectors/config/worker.properties",
                "--connector", "../connectors/config/port-tos-suspicious.properties", "--bootstrap", "127.0.0.1:" + nothing[0]);
        assertThat(unreachable.code()).isEqualTo(2);
        assertThat(unreachable.err().lines().toList()).containsExactly("alliance: nothing answers at 127.0.0.1:" + nothing[0]
                + " (--bootstrap, or bootstrap.servers in ../connectors/config/worker.properties): start the alliance "
                + "(bin/alliance up), or give the cluster's address with --bootstrap");
    }

    @Test
    void evaluateChecksWhereItWillWriteBeforeItRunsAMonth(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "keep me");
        CliRun run = CliRun.of("evaluate", "--out", file.resolve("table.md").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().toList()).containsExactly("alliance: --out's folder " + file
                + " is a file, not a folder: choose a folder with --out");
        assertThat(run.out()).doesNotContain("Evaluating");
        assertThat(Files.readString(file)).isEqualTo("keep me");

        CliRun negative = CliRun.of("evaluate", "--top", "-1");
        assertThat(negative.code()).isEqualTo(2);
        assertThat(negative.err()).startsWith("alliance: --top -1: give how many");
    }

    /** Values that once meant something else (--events 0 published without end) are refused before anything is sent. */
    @ParameterizedTest
    @ValueSource(strings = {"--events 0|--events 0: give how many events", "--events -3|--events -3: give how many events",
        "--rate -5|--rate -5.0: give events per second", "--days 0|--days 0: give the simulated days",
        "--duration PT0S|--duration PT0S: give a time span longer than zero"})
    void simulateRefusesValuesThatMeanNothing(String caseAndMessage) {
        String[] parts = caseAndMessage.split("\\|");
        CliRun run = CliRun.of(args("simulate " + parts[0], "--dry-run", "--bootstrap", "127.0.0.1:1", "--registry", "http://127.0.0.1:1"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1).first().asString().startsWith("alliance: " + parts[1]);
        assertThat(run.out()).as("nothing listed or sent").isEmpty();
    }

    private static String[] args(String command, String... more) {
        List<String> all = new ArrayList<>(List.of(command.split(" ")));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
