package eu.portalliance.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
}
