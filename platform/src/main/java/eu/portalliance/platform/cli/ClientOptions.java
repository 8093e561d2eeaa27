package eu.portalliance.platform.cli;

import eu.portalliance.ids.UnLocode;
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

    Map<String, Object> kafka() {
        Map<String, Object> config = new HashMap<>();
        if (clientConfig != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(clientConfig, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UserError("cannot read --client-config " + clientConfig + " (" + e.getMessage() + ")");
            }
            p.stringPropertyNames().stream().filter(k -> !k.startsWith("alliance.")).forEach(k -> config.put(k, p.getProperty(k)));
        }
        config.put("bootstrap.servers", bootstrap);
        // Fail in seconds, with a message, rather than hang when the cluster is not there.
        config.putIfAbsent("default.api.timeout.ms", 15_000);
        config.putIfAbsent("request.timeout.ms", 10_000);
        return config;
    }

    RestSchemaRegistryClient registryClient() {
        return new RestSchemaRegistryClient(registry);
    }

    static String locode(String value, String flag) {
        UnLocode.problem(value).ifPresent(p -> {
            throw new UserError(flag + ": " + p);
        });
        return value;
    }
}
