package eu.portalliance.platform.cli;

import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.platform.UserError;
import eu.portalliance.ports.EventFormatException;
import eu.portalliance.ports.JsonLines;
import eu.portalliance.ports.PortClient;
import eu.portalliance.registry.RegistryException;
import eu.portalliance.validation.ValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publish a port's events from a JSON-lines file: one event per line, {\"type\": \"seizure\" | "
                + "\"suspicion\" | \"arrival\", …fields of the contract…}. Every line is checked as the alliance would; good lines are "
                + "sent, each bad one is reported with its line number and reason. Exit code 0 when every line was sent, "
                + "1 when some were not.")
final class PublishCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = "--port", required = true, description = "The publishing port's UN/LOCODE.")
    String port;

    @Option(names = "--file", required = true, description = "JSON-lines file; blank lines and lines starting with # are skipped.")
    Path file;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private record Sent(int line, Future<RecordMetadata> ack, String kind) {
    }

    @Override
    public Integer call() throws InterruptedException {
        ClientOptions.locode(port, "--port");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot read --file " + file + " (" + e.getMessage() + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Sent> sent = new ArrayList<>();
        List<Integer> notSent = new ArrayList<>();
        try (PortClient ports = new PortClient(port, client.kafka(), client.registryClient())) {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int number = i + 1;
                try {
                    SpecificRecord event = JsonLines.parse(line, port);
                    if (event instanceof SeizureReport s) {
                        sent.add(new Sent(number, ports.publish(s), "seizures"));
                    } else if (event instanceof ArrivalNotice a) {
                        sent.add(new Sent(number, ports.publish(a), "arrivals"));
                    } else {
                        sent.add(new Sent(number, ports.publish((SuspiciousContainerEvent) event), "suspicions"));
                    }
                } catch (EventFormatException | ValidationException e) {
                    out.println("line " + number + ": " + e.getMessage());
                    notSent.add(number);
                } catch (RegistryException e) {
                    throw new UserError("the schema registry at " + client.registry + " refused the event on line " + number
                            + ": " + e.getMessage());
                }
            }
            ports.flush();
            Map<String, Integer> byKind = new java.util.HashMap<>();
            int acknowledged = 0;
            for (Sent s : sent) {
                try {
                    s.ack().get(30, TimeUnit.SECONDS);
                    acknowledged++;
                    byKind.merge(s.kind(), 1, Integer::sum);
                } catch (ExecutionException | TimeoutException e) {
                    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                    out.println("line " + s.line() + ": not acknowledged by Kafka: " + cause.getMessage());
                    notSent.add(s.line());
                }
            }
            int total = acknowledged + notSent.size();
            int arrivals = byKind.getOrDefault("arrivals", 0);
            out.printf("Sent %d of %d events to %s (%d seizures, %d suspicions%s).", acknowledged, total, port,
                    byKind.getOrDefault("seizures", 0), byKind.getOrDefault("suspicions", 0),
                    arrivals > 0 ? ", " + arrivals + " arrival notices" : "");
            if (notSent.isEmpty()) {
                out.println();
                return 0;
            }
            notSent.sort(Integer::compare);
            out.printf(" Not sent: %d (line%s %s).%n", notSent.size(), notSent.size() == 1 ? "" : "s",
                    String.join(", ", notSent.stream().map(String::valueOf).toList()));
            return 1;
        }
    }
}
