package eu.portalliance.platform.cli;

import eu.portalliance.platform.Platform;
import eu.portalliance.topology.AllianceConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the single-machine alliance: a real Kafka broker (KRaft), the schema registry, the "
                + "alliance's topics and reference data, and the topology. Data survives a restart. Ctrl-C stops everything.")
final class UpCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "./data", description = "Folder for the broker log, schemas and state (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka listener port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--controller-port", description = "KRaft controller port (default: Kafka port + 1).")
    Integer controllerPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--http-port", defaultValue = "8080", description = "HTTP API port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--secure", description = "Require SASL/SCRAM authentication and enforce per-port ACLs. Client "
            + "settings for every principal are written to <data-dir>/clients/. A data folder stays secure or not.")
    boolean secure;

    @Override
    public Integer call() throws InterruptedException {
        long started = System.nanoTime();
        int controller = controllerPort != null ? controllerPort : kafkaPort + 1;
        Platform platform = Platform.start(new Platform.Settings(dataDir, kafkaPort, controller, registryPort, httpPort, secure));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Port Alliance…");
            platform.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "alliance-shutdown"));
        System.out.printf("""
                Port Alliance is up (%d ms).
                  Kafka broker     %s   (KRaft controller on 127.0.0.1:%d)
                  Schema registry  %s
                  HTTP API         %s
                  Topics           %d (alliance.*, ports.<LOCODE>.* for each founding port)
                  Topology         %s (application %s)
                  Data folder      %s%s
                Press Ctrl-C to stop.
                """, (System.nanoTime() - started) / 1_000_000, platform.bootstrapServers(), controller,
                platform.registryUrl(), platform.apiUrl(), platform.topicCount(),
                platform.topology().kafkaStreams().state(), AllianceConfig.DEFAULT_APPLICATION_ID, platform.settings().dataDir(),
                secure ? "\n  Security         SASL/SCRAM-SHA-512 + ACLs; client settings in "
                        + platform.credentials().file("admin").getParent() : "");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
