package eu.portalliance.platform.cli;

import eu.portalliance.ids.UnLocode;
import eu.portalliance.platform.Preflight;
import eu.portalliance.platform.UserError;
import eu.portalliance.registry.RestSchemaRegistryClient;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/** How a tool reaches the alliance: bootstrap servers, registry, and (when secure) the principal's client settings. */
final class ClientOptions {
    @Option(names = "--bootstrap", defaultValue = "127.0.0.1:9092", description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrap;

    @Option(names = "--registry", defaultValue = "http://127.0.0.1:8081", description = "Schema registry URL (default: ${DEFAULT-VALUE}).")
    String registry;

    @Option(names = "--client-config", description = "Kafka client properties file, e.g. data/clients/port-BEANR.properties "
            + "from bin/alliance up --secure.")
    Path clientConfig;

    private boolean checked;

    /**
     * Both addresses answer, checked once before the tool's first client: the usual mistake, the alliance not started
     * or a mistyped address, is then one line rather than a timeout after a page of connection warnings.
     */
    private void requireAnswering() {
        if (!checked) {
            requireAnswering(bootstrap, registry);
            checked = true;
        }
    }

    static void requireAnswering(String bootstrap, String registry) {
        Preflight.answering(bootstrap, "--bootstrap", START_OR_BOOTSTRAP);
        Preflight.answeringUrl(registry, "--registry", START_OR_REGISTRY);
    }

    /** What to do when nothing answers at the cluster's or the registry's address. */
    static final String START_OR_BOOTSTRAP = "start the alliance (bin/alliance up), or give the cluster's address with --bootstrap";
    static final String START_OR_REGISTRY = "start the alliance (bin/alliance up), or give the schema registry's URL with --registry";

    Map<String, Object> kafka() {
        requireAnswering();
        Map<String, Object> config = new HashMap<>(readClientConfig(clientConfig));
        config.put("bootstrap.servers", bootstrap);
        // Fail in seconds, with a message, rather than hang when the cluster is not there.
        config.putIfAbsent("default.api.timeout.ms", 15_000);
        config.putIfAbsent("request.timeout.ms", 10_000);
        return config;
    }

    /** Settings for a tool that reads a port's feed: committed records only, and no offsets left behind. */
    Map<String, Object> readCommitted() {
        Map<String, Object> config = kafka();
        config.put("isolation.level", "read_committed");
        config.put("enable.auto.commit", false);
        return config;
    }

    /**
     * What to add to a Kafka timeout when no --client-config was given: a secure alliance's broker closes an
     * unauthenticated client's connection during its handshake, and the client only ever sees a timeout.
     */
    String ifSecure(Throwable e) {
        return isTimeout(e) ? secureHint() : "";
    }

    /** The hint above, for a wait the tool timed itself; empty when --client-config was given. */
    String secureHint() {
        return clientConfig == null ? "; " + SECURE_HINT : "";
    }

    static final String SECURE_HINT = "an alliance started with up --secure also needs the principal's settings, "
            + "--client-config data/clients/<principal>.properties";

    static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Fails in one line when a port's topic is missing: the port was never admitted, or the LOCODE is mistyped. */
    static void requireTopic(boolean exists, String topic, String port) {
        if (!exists) {
            throw new UserError("topic " + topic + " does not exist: is " + port + " an alliance port (bin/alliance port add " + port + ")?");
        }
    }

    /** A --client-config file's Kafka settings (without the alliance's own bookkeeping keys or the bootstrap). */
    static Map<String, Object> readClientConfig(Path file) {
        Map<String, Object> out = new HashMap<>();
        if (file == null) {
            return out;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UserError("cannot read --client-config " + file + " (" + e.getMessage() + ")");
        }
        p.stringPropertyNames().stream().filter(k -> !k.startsWith("alliance.") && !k.equals("bootstrap.servers"))
                .forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    RestSchemaRegistryClient registryClient() {
        requireAnswering();
        return new RestSchemaRegistryClient(registry);
    }

    static String locode(String value, String flag) {
        UnLocode.problem(value).ifPresent(p -> {
            throw new UserError(flag + ": " + p);
        });
        return value;
    }
}
