package eu.portalliance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench writes its table at the end of a long run: where it will write is checked before anything starts. */
class BenchArgumentsTest {

    @Test
    void anOutputFolderThatIsAFileIsOneLineBeforeAnyBrokerStarts(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("results"), "keep me");
        StringWriter err = new StringWriter();
        var cli = Bench.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("--out", file.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines().toList()).containsExactly("bench: the bench's output folder " + file
                + " is a file, not a folder: choose a folder with --out");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void aBaselineWithoutJvmsIsOneLineBeforeAnyBrokerStarts(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        var cli = Bench.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("--baseline-jvms", "0", "--out", dir.resolve("results").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines().toList()).containsExactly(
                "bench: --baseline-jvms is 0: the baseline needs at least one JVM; give 1 or more");
        assertThat(dir.resolve("results")).doesNotExist();
    }
}
