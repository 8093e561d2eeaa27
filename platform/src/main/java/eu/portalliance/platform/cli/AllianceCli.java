package eu.portalliance.platform.cli;

import eu.portalliance.platform.UserError;
import eu.portalliance.registry.RegistryException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/alliance}: one entry point for running the alliance and for the ports' and analysts' tools. */
@Command(name = "alliance", mixinStandardHelpOptions = true, version = "Port Alliance 0.1.0",
        description = "Port Alliance: EU seaports, customs and Europol share seizure and suspicious-container events "
                + "over Apache Kafka and get alliance-wide alerts back.",
        subcommands = {UpCommand.class, TopologyCommand.class, AlertsCommand.class, OutcomeCommand.class,
            PortCommand.class, PublishCommand.class, ProfileCommand.class, VesselCallCommand.class, RecommendationsCommand.class, ScanResultCommand.class, SimulateCommand.class, EvaluateCommand.class, SubscribeCommand.class, ConnectCommand.class, ProvisionCommand.class,
            CommandLine.HelpCommand.class})
public final class AllianceCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new AllianceCli());
        // Picocli's default prints the whole usage after the error, which buries the one line that says what is wrong.
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine where = e.getCommandLine();
            String command = where.getCommandSpec().qualifiedName(" ");
            where.getErr().println(command + ": " + e.getMessage() + " (bin/" + command + " --help lists the flags)");
            return where.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserError || e instanceof RegistryException) {
                commandLine.getErr().println("alliance: " + e.getMessage());
                return 2;
            }
            if (ClientOptions.isTimeout(e)) {
                commandLine.getErr().println("alliance: Kafka did not answer in time (" + e.getMessage() + "): check --bootstrap; "
                        + ClientOptions.SECURE_HINT);
                return 2;
            }
            commandLine.getErr().println("alliance: unexpected error: " + e
                    + " (run with ALLIANCE_LOG_LEVEL=DEBUG for details)");
            org.slf4j.LoggerFactory.getLogger(AllianceCli.class).debug("unexpected error", e);
            return 1;
        });
        return cli;
    }

    public static void main(String[] args) {
        // Before anything logs: a tool reports a failure to reach Kafka itself, in one line, so the clients' warning on
        // every retry is for its log file only. The services (up, topology, connect) keep them on the console.
        if (args.length == 0 || !List.of("up", "topology", "connect").contains(args[0])) {
            System.setProperty("alliance.clientWarnings", "ERROR");
        }
        int code = commandLine().execute(args);
        // Long-running commands return only after their shutdown hook ran; exiting here would deadlock the hook.
        boolean longRunning = args.length > 0 && List.of("up", "topology", "alerts", "simulate", "connect").contains(args[0]);
        if (code != 0 || !longRunning) {
            System.exit(code);
        }
    }
}
