package eu.portalliance.platform.cli;

import eu.portalliance.platform.Preflight;
import eu.portalliance.platform.UserError;
import eu.portalliance.platform.connect.ConnectWorker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.connect.errors.ConnectException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "connect", mixinStandardHelpOptions = true,
        description = "Run a Kafka Connect worker with the alliance's plugins and the given connector configs, e.g. a "
                + "port's terminal database streamed in by Debezium (connectors/config/port-tos-suspicious.properties).")
final class ConnectCommand implements Callable<Integer> {
    @Option(names = "--worker", defaultValue = "connectors/config/worker.properties", description = "Worker config (default: ${DEFAULT-VALUE}).")
    Path worker;

    @Option(names = "--connector", required = true, description = "Connector config file; repeat for several.")
    List<Path> connectors;

    @Option(names = "--bootstrap", description = "Overrides the worker's bootstrap.servers.")
    String bootstrap;

    @Option(names = "--registry", description = "Overrides the worker's value.converter.schema.registry.url.")
    String registry;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> props = read(worker);
        if (bootstrap != null) {
            props.put("bootstrap.servers", bootstrap);
        }
        if (registry != null) {
            props.put("value.converter.schema.registry.url", registry);
        }
        // Every connector file is read before the worker starts: a mistyped path is one line, not a worker left running.
        Map<Path, Map<String, String>> configs = new LinkedHashMap<>();
        connectors.forEach(c -> configs.put(c, read(c)));
        Preflight.answering(props.getOrDefault("bootstrap.servers", "localhost:9092"), "--bootstrap, or bootstrap.servers in " + worker,
                ClientOptions.START_OR_BOOTSTRAP);
        if (props.containsKey("value.converter.schema.registry.url")) {
            Preflight.answeringUrl(props.get("value.converter.schema.registry.url"), "--registry, or value.converter.schema.registry.url in "
                    + worker, ClientOptions.START_OR_REGISTRY);
        }
        Path plugins = Path.of(props.getOrDefault("plugin.path", "connectors/target/plugins"));
        if (!Files.isDirectory(plugins)) {
            throw new UserError("plugin folder " + plugins.toAbsolutePath() + " is missing: build it with `mvn -DskipTests package` "
                    + "(bin/alliance does on first use) or set plugin.path in " + worker);
        }
        try {
            Files.createDirectories(Path.of(props.getOrDefault("offset.storage.file.filename", "data/connect/offsets")).toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UserError("cannot create the offsets folder: " + e.getMessage());
        }
        ConnectWorker running;
        try {
            running = ConnectWorker.start(props);
        } catch (ConnectException e) {
            throw new UserError("the Connect worker could not start: " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            System.out.println("Connect worker stopped.");
            stopped.countDown();
        }, "connect-shutdown"));
        for (Map.Entry<Path, Map<String, String>> entry : configs.entrySet()) {
            Path c = entry.getKey();
            Map<String, String> config = entry.getValue();
            try {
                running.putConnector(config);
            } catch (IllegalArgumentException e) {
                throw new UserError(c + ": " + e.getMessage());
            }
            System.out.println("Connector " + config.get("name") + " from " + c + ": " + running.status(config.get("name")));
        }
        System.out.println("Connect worker running, REST at " + running.restUrl() + ". Ctrl-C to stop.");
        stopped.await();
        return 0;
    }

    private static Map<String, String> read(Path file) {
        try {
            return ConnectWorker.load(file);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + " (" + e.getMessage() + ")");
        }
    }
}
