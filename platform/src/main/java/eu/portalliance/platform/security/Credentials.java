package eu.portalliance.platform.security;

import eu.portalliance.platform.UserError;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The secure alliance's principals and their Kafka client settings, one properties file per principal under
 * {@code <data-dir>/clients/}, readable by their owner only. A port's file is what it hands to its own systems
 * ({@code --client-config}, or any Kafka client's {@code --command-config}).
 */
public final class Credentials {
    public static final String ADMIN = "admin";
    public static final String TOPOLOGY = "topology";
    public static final String REGISTRY = "registry";
    public static final String MECHANISM = "SCRAM-SHA-512";

    private final Path folder;

    public Credentials(Path dataDir) {
        this.folder = dataDir.resolve("clients");
    }

    public static String portPrincipal(String locode) {
        return "port-" + locode;
    }

    public Path file(String principal) {
        return folder.resolve(principal + ".properties");
    }

    public boolean exists(String principal) {
        return Files.exists(file(principal));
    }

    /** The principal's password, creating and storing a new random one the first time. */
    public String password(String principal, String bootstrap) {
        if (exists(principal)) {
            return read(principal).getProperty("alliance.password");
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        write(principal, password, bootstrap);
        return password;
    }

    /** The password stored for an existing principal, or null. */
    String storedPassword(String principal) {
        return read(principal).getProperty("alliance.password");
    }

    /**
     * The port's settings for librdkafka-based clients (kcat {@code -F}, Python, .NET, Go): SASL/PLAIN inside TLS on
     * the TLS listener, trusting the alliance's CA. Written next to the Java settings, as secret as they are.
     */
    public Path writeLibrdkafkaConfig(String principal, String tlsBootstrap, Path caCertificate) {
        Path file = folder.resolve(principal + ".librdkafka.properties");
        String content = "# Port Alliance settings for librdkafka-based clients (kcat -F, confluent-kafka for Python/.NET/Go):\n"
                + "# SASL/PLAIN inside TLS, for clients whose SCRAM cannot talk to Kafka 4. Keep secret.\n"
                + "bootstrap.servers=" + tlsBootstrap + "\n"
                + "security.protocol=SASL_SSL\n"
                + "sasl.mechanisms=PLAIN\n"
                + "sasl.username=" + principal + "\n"
                + "sasl.password=" + storedPassword(principal) + "\n"
                + "ssl.ca.location=" + caCertificate.toAbsolutePath() + "\n";
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            ownerOnly(file);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + " (" + e.getMessage() + "): check the data folder");
        }
        return file;
    }

    /** Client settings (without bootstrap.servers) that authenticate as {@code principal}. */
    public Map<String, Object> clientConfig(String principal) {
        Properties p = read(principal);
        Map<String, Object> out = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith("alliance.") && !key.equals("bootstrap.servers")) {
                out.put(key, p.getProperty(key));
            }
        }
        return out;
    }

    public static Map<String, Object> saslConfig(String principal, String password) {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + principal + "\" password=\"" + password + "\";");
    }

    private Properties read(String principal) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file(principal), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UserError("cannot read " + file(principal) + " (" + e.getMessage() + "): check the data folder");
        }
        return p;
    }

    private void write(String principal, String password, String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        saslConfig(principal, password).forEach((k, v) -> p.put(k, v.toString()));
        p.put("alliance.principal", principal);
        p.put("alliance.password", password);
        try {
            Files.createDirectories(folder);
            try (Writer w = Files.newBufferedWriter(file(principal), StandardCharsets.UTF_8)) {
                p.store(w, "Port Alliance client settings for " + principal + ": keep secret");
            }
            ownerOnly(file(principal));
        } catch (IOException e) {
            throw new UserError("cannot write " + file(principal) + " (" + e.getMessage() + "): check the data folder");
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not POSIX: the data folder's own permissions protect it
        }
    }
}
