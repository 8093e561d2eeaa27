package eu.portalliance.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionKeyTest {

    @Test
    void aMissingKeyIsMadeFreshReadableByItsOwnerOnlyAndKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/redaction.key");
        String made = RedactionKey.load(file);
        assertThat(made).hasSize(44);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(RedactionKey.load(file)).isEqualTo(made);
        assertThat(RedactionKey.load(dir.resolve("other/redaction.key"))).isNotEqualTo(made);
    }

    @Test
    void theKeyOnceCommittedToTheRepositoryIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("redaction.key");
        // The value a test run once wrote to platform/data/ and committed (removed since): public, so useless.
        Files.writeString(file, "EqDI16aN/qYmeb46MFFxaKwNTLp7bohYqetTGqQRK8A=\n");
        assertThatThrownBy(() -> RedactionKey.load(file)).isInstanceOf(UserError.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("published").hasMessageContaining("delete it");
    }

    @Test
    void instancesStartingTogetherOnOneFolderAllGetTheOneKeyMade(@TempDir Path dir) throws Exception {
        int instances = 8;
        for (int round = 0; round < 20; round++) {
            Path file = dir.resolve("round-" + round + "/redaction.key");
            CyclicBarrier together = new CyclicBarrier(instances);
            Callable<String> start = () -> {
                together.await();
                return RedactionKey.load(file);
            };
            ExecutorService pool = Executors.newFixedThreadPool(instances);
            try {
                List<Future<String>> keys = pool.invokeAll(IntStream.range(0, instances).mapToObj(i -> start).toList());
                String onFile = Files.readString(file).trim();
                assertThat(onFile).hasSize(44);
                for (Future<String> key : keys) {
                    assertThat(key.get()).as("round %d", round).isEqualTo(onFile);
                }
            } finally {
                pool.shutdownNow();
            }
            try (var left = Files.list(file.getParent())) {
                assertThat(left.map(p -> p.getFileName().toString()).toList()).as("no half-made key left behind")
                        .containsExactly("redaction.key");
            }
        }
    }

    @Test
    void anEmptyKeyFileIsRefusedWithWhatToDo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("redaction.key");
        Files.writeString(file, "\n");
        assertThatThrownBy(() -> RedactionKey.load(file)).isInstanceOf(UserError.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("empty").hasMessageContaining("delete it");
    }
}
