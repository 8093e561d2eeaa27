package eu.portalliance.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The alliance's redaction key: the secret behind the stable party references non-involved recipients see.
 * {@code ALLIANCE_REDACTION_KEY} wins; otherwise the key lives in a file, created on first use, readable by its owner only.
 */
public final class RedactionKey {
    public static final String ENV = "ALLIANCE_REDACTION_KEY";

    private RedactionKey() {
    }

    public static String load(Path file) {
        String fromEnv = System.getenv(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = Base64.getEncoder().encodeToString(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions protect it
            }
            return key;
        } catch (IOException e) {
            throw new UserError("cannot read or create the redaction key " + file + " (" + e.getMessage()
                    + "): set " + ENV + " or fix the file's permissions");
        }
    }
}
