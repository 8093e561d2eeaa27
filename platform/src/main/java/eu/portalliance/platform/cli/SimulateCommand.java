package eu.portalliance.platform.cli;

import eu.portalliance.platform.UserError;
import eu.portalliance.ports.PortClient;
import eu.portalliance.ports.simulation.MonthTraffic;
import eu.portalliance.ports.simulation.Scenario;
import eu.portalliance.ports.simulation.SimEvent;
import eu.portalliance.ports.simulation.SimulationRunner;
import eu.portalliance.ports.simulation.Simulator;
import eu.portalliance.reference.KnownPorts;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Publish realistic alliance traffic (seizures and suspicions drawn from the public figures) with "
                + "smuggling scenarios planted among them, and list the scenarios so the alerts can be checked against "
                + "them. The same --seed gives the same events.")
final class SimulateCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--events", description = "How many events in all, planted ones included (default 2000 unless --duration is given).")
    Long events;

    @Option(names = "--duration", description = "Publish until this much time has passed, e.g. PT10M (ISO-8601), instead of a number of events.")
    Duration duration;

    @Option(names = "--rate", defaultValue = "200", description = "Events per second to publish; 0 for as fast as possible (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--ports", split = ",", description = "Ports to simulate (default: the 18 founding ports).")
    List<String> ports;

    @Option(names = "--start", defaultValue = "2025-01-06T00:00:00Z", description = "Event time of the first simulated day (default: ${DEFAULT-VALUE}).")
    Instant start;

    @Option(names = "--days", defaultValue = "28", description = "Simulated days the events span (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--profile", defaultValue = "default", description = "default: --events spread over --days at today's "
            + "simulated mix; month: a realistic alliance month (vessel rotations, big importers, ~1,000 flags a day, a few "
            + "hundred seizures) after a lead-in month, from --start; --events and --days do not apply (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--dry-run", description = "List the scenarios and the first events, publish nothing.")
    boolean dryRun;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        List<String> simulated = ports == null ? KnownPorts.allianceLocodes() : ports;
        simulated.forEach(p -> ClientOptions.locode(p, "--ports"));
        // Each of these once meant something else: --events 0 ran without end, a negative rate at full speed.
        if (events != null && (events < 1 || events > Integer.MAX_VALUE)) {
            throw new UserError("--events " + events + ": give how many events to publish, 1 or more (or --duration for a time span)");
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new UserError("--duration " + duration + ": give a time span longer than zero, e.g. PT10M");
        }
        if (rate < 0) {
            throw new UserError("--rate " + rate + ": give events per second, or 0 for as fast as possible");
        }
        if (days < 1) {
            throw new UserError("--days " + days + ": give the simulated days the events span, 1 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        long total;
        Iterator<SimEvent> it;
        if (profile.equals("month")) {
            MonthTraffic month = new MonthTraffic(MonthTraffic.Settings.month(seed, start));
            printScenarios(out, month.scenarios());
            total = month.events().size();
            it = month.events().iterator();
        } else if (profile.equals("default")) {
            total = events != null ? events : duration != null ? -1 : 2000;
            double perDay = total > 0 ? total / (double) days : Math.max(1, rate) * 3600;
            Simulator simulator = new Simulator(new Simulator.Settings(seed, simulated, start, perDay));
            printScenarios(out, simulator.scenarios());
            it = total > 0 ? simulator.take((int) total).iterator() : simulator.events(-1);
        } else {
            throw new UserError("--profile " + profile + " is not one of default, month");
        }
        if (dryRun) {
            for (int i = 0; i < 5 && it.hasNext(); i++) {
                SimEvent e = it.next();
                out.println("  " + e.time() + "  " + e.port() + "  " + e.eventId());
            }
            return 0;
        }
        Map<String, Object> kafka = client.kafka();
        try (SimulationRunner runner = new SimulationRunner(p -> new PortClient(p, kafka, client.registryClient()), Clock.systemUTC())) {
            out.printf("Publishing %s events at %s to %s…%n", total > 0 ? String.format("%,d", total) : "unbounded",
                    rate > 0 ? String.format("%.0f/s", rate) : "full speed", client.bootstrap);
            out.flush();
            SimulationRunner.Result r = runner.run(it, rate, duration, line -> {
                out.println(line);
                out.flush();
            });
            out.printf("Sent %,d events (%,d seizures, %,d suspicions) in %.1f s (%.0f/s): %s.%n", r.sent(), r.seizures(),
                    r.suspicions(), r.seconds(), r.ratePerSecond(), r.stoppedBecause());
        }
        return 0;
    }

    static void printScenarios(PrintWriter out, List<Scenario> scenarios) {
        out.println("Planted scenarios (rule, entity → what to look for among the alerts):");
        for (Scenario s : scenarios) {
            out.printf("  %-32s %-4s %-10s %s%n      %s%n      events %s%n", s.name(), s.ruleId(), s.entityType(), s.entityId(),
                    s.description(), s.eventIds());
        }
    }
}
