package eu.portalliance.topology.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic alert ids: the same finding always gets the same id, on any instance, after any replay. */
public final class AlertIds {
    private AlertIds() {
    }

    public static String of(String ruleId, String identity) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((ruleId + "|" + identity).getBytes(StandardCharsets.UTF_8));
            return ruleId + "-" + HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
