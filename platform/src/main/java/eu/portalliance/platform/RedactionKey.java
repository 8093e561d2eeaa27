package eu.portalliance.platform;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * The alliance's redaction key: the secret behind the stable party references non-involved recipients see.
 * {@code ALLIANCE_REDACTION_KEY} wins; otherwise the key lives in a file, created on first use, readable by its owner only.
 */
public final class RedactionKey {
    public static final String ENV = "ALLIANCE_REDACTION_KEY";
    /**
     * SHA-256 of keys that were once published (one was committed to the repository by a test run, commit 3934edd):
     * whoever has the history can reverse party references made with them, so they are refused.
     */
    private static final Set<String> PUBLISHED = Set.of("a9b960296a60851702eefae0f9cbe002aec42bca08e25c22614194de794bd326");

    private RedactionKey() {
    }

    public static String load(Path file) {
        String fromEnv = System.getenv(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return notPublished(fromEnv.trim(), ENV);
        }
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String key = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (key.isEmpty()) {
                throw new UserError("the redaction key file " + file + " is empty: delete it (a new one is made on the next "
                        + "start) or set " + ENV + ", and give every topology instance the same key");
            }
            return notPublished(key, file.toString());
        } catch (IOException e) {
            throw new UserError("cannot read or create the redaction key " + file + " (" + e.getMessage()
                    + "): set " + ENV + " or fix the file's permissions");
        }
    }

    /**
     * Writes a fresh key beside {@code file}, owner-only, then links it into place only if no key is there yet.
     * Instances starting together on one data folder then all read the one key that won, never a file still being
     * written, and never two different keys (which would give one party two references).
     */
    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path fresh = Files.createTempFile(dir, file.getFileName().toString(), ".new");
        try {
            try {
                Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions protect it
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Files.writeString(fresh, Base64.getEncoder().encodeToString(random) + "\n", StandardCharsets.UTF_8);
            try {
                Files.createLink(file, fresh);
            } catch (UnsupportedOperationException e) {
                Files.move(fresh, file);
            }
        } catch (FileAlreadyExistsException e) {
            // another instance made it first: its key stands
        } finally {
            Files.deleteIfExists(fresh);
        }
    }

    static String notPublished(String key, String where) {
        if (PUBLISHED.contains(sha256(key))) {
            throw new UserError("the redaction key in " + where + " was published in the project's history and is no "
                    + "longer secret: delete it (a new one is made on the next start) and give every topology instance "
                    + "the new key");
        }
        return key;
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
