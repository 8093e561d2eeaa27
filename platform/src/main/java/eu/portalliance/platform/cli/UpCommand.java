package eu.portalliance.platform.cli;

import eu.portalliance.platform.LogFile;
import eu.portalliance.platform.Platform;
import eu.portalliance.platform.UserError;
import eu.portalliance.platform.security.LocalCa;
import eu.portalliance.ports.PortClient;
import eu.portalliance.ports.simulation.SimulationRunner;
import eu.portalliance.ports.simulation.Simulator;
import eu.portalliance.reference.KnownPorts;
import eu.portalliance.registry.RestSchemaRegistryClient;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
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

    @Option(names = "--tls-port", description = "With --secure: the TLS listener for ports (SCRAM, or SASL/PLAIN for "
            + "librdkafka-based clients), certificates from the data folder's own CA (default: Kafka port + 2).")
    Integer tlsPort;

    @Option(names = "--simulate", description = "Also publish simulated port traffic with planted scenarios (see simulate).")
    boolean simulate;

    @Option(names = "--simulate-rate", defaultValue = "5", description = "Events per second for --simulate (default: ${DEFAULT-VALUE}).")
    double simulateRate;

    @Override
    public Integer call() throws InterruptedException {
        if (simulateRate <= 0) {
            throw new UserError("--simulate-rate " + simulateRate + ": give the simulated traffic's events per second, more than 0");
        }
        long started = System.nanoTime();
        Path log = LogFile.under(dataDir);
        System.out.printf("Starting Port Alliance in %s (log: %s)…%n", dataDir.toAbsolutePath().normalize(), log);
        int controller = controllerPort != null ? controllerPort : kafkaPort + 1;
        Platform platform = Platform.start(new Platform.Settings(dataDir, kafkaPort, controller, registryPort, httpPort, secure,
                tlsPort != null ? tlsPort : kafkaPort + 2));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread simulator = simulate ? simulator(platform) : null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Port Alliance…");
            if (simulator != null) {
                simulator.interrupt();
                try {
                    simulator.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
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
                        + platform.credentials().file("admin").getParent()
                        + "\n  TLS listener     " + platform.tlsBootstrap() + " (SASL_SSL; librdkafka clients: "
                        + "port-<LOCODE>.librdkafka.properties, CA " + new LocalCa(platform.settings().dataDir()).caCertificate() + ")"
                        : "");
        System.out.flush();
        if (simulator != null) {
            simulator.start();
        }
        stopped.await();
        return 0;
    }

    /** Gentle, continuous traffic whose simulated clock starts three weeks back and stops at the present. */
    private Thread simulator(Platform platform) {
        Simulator sim = new Simulator(new Simulator.Settings(1, KnownPorts.allianceLocodes(),
                Instant.now().minus(Duration.ofDays(21)).truncatedTo(ChronoUnit.DAYS), 3000));
        PrintWriter out = new PrintWriter(System.out, true);
        SimulateCommand.printScenarios(out, sim.scenarios());
        Map<String, Object> kafka = platform.adminConfig();
        RestSchemaRegistryClient registry = new RestSchemaRegistryClient(platform.registryUrl());
        return new Thread(() -> {
            try (SimulationRunner runner = new SimulationRunner(p -> new PortClient(p, kafka, registry), Clock.systemUTC())) {
                SimulationRunner.Result r = runner.run(sim.events(-1), simulateRate, null, line -> { });
                out.printf("Simulation stopped after %,d events: %s.%n", r.sent(), r.stoppedBecause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                out.println("Simulation stopped: " + e.getMessage());
            }
        }, "simulator");
    }
}
