package eu.portalliance.platform.cli;

import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.ids.ContainerNumber;
import eu.portalliance.platform.UserError;
import eu.portalliance.ports.PortClient;
import eu.portalliance.ports.simulation.VesselCall;
import eu.portalliance.registry.RegistryException;
import eu.portalliance.validation.ValidationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "vessel-call", mixinStandardHelpOptions = true,
        description = "Announce a simulated vessel call at a port: one arrival notice per container, in one burst, as "
                + "customs receive them before the vessel berths. The alliance screens each and answers on the port's "
                + "scan-recommendations topic (bin/alliance recommendations --port).")
final class VesselCallCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = "--port", required = true, description = "Port of arrival (UN/LOCODE).")
    String port;

    @Option(names = "--containers", defaultValue = "2000", description = "Containers on the call, 1 to 30,000 (default: ${DEFAULT-VALUE}).")
    int containers;

    @Option(names = "--seed", defaultValue = "1", description = "The same seed gives the same manifest (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--voyage", defaultValue = "001N", description = "Voyage number (default: ${DEFAULT-VALUE}).")
    String voyage;

    @Option(names = "--risk-share", defaultValue = "0.3", description = "Share of containers loaded at risk origins (default: ${DEFAULT-VALUE}).")
    double riskShare;

    @Option(names = "--include", split = ",", description = "Containers to put on the manifest (from a risk origin), e.g. one seized elsewhere.")
    List<String> include = List.of();

    @Option(names = "--notice-time", description = "When customs received the notices (default: now).")
    Instant noticeTime;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ClientOptions.locode(port, "--port");
        include.forEach(c -> ContainerNumber.problem(c).ifPresent(p -> {
            throw new UserError("--include " + c + ": " + p);
        }));
        Instant at = noticeTime != null ? noticeTime : Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String vessel = VesselCall.vessel(seed);
        List<ArrivalNotice> notices;
        try {
            notices = VesselCall.notices(new VesselCall.Settings(seed, port, vessel, voyage, at, containers, riskShare, include));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        long started = System.nanoTime();
        try (PortClient ports = new PortClient(port, client.kafka(), client.registryClient())) {
            List<Future<?>> sent = new ArrayList<>(notices.size());
            for (ArrivalNotice n : notices) {
                sent.add(ports.publish(n));
            }
            ports.flush();
            for (Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
        } catch (ValidationException e) {
            throw new UserError("a generated notice was refused: " + e.getMessage());
        } catch (RegistryException e) {
            throw new UserError("the schema registry at " + client.registry + " refused the notices: " + e.getMessage());
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new UserError("not acknowledged by Kafka: " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted");
        }
        long risky = notices.stream().filter(VesselCall::fromRiskOrigin).count();
        long reefers = notices.stream().filter(ArrivalNotice::getReefer).count();
        spec.commandLine().getOut().printf("Announced %,d containers of vessel %s voyage %s at %s in %d ms (%d from risk "
                        + "origins, %d reefers)%s.%n", notices.size(), vessel, voyage, port, (System.nanoTime() - started) / 1_000_000,
                risky, reefers, include.isEmpty() ? "" : "; included " + String.join(", ", include));
        return 0;
    }
}
