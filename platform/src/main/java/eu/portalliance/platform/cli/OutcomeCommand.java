package eu.portalliance.platform.cli;

import eu.portalliance.avro.AlertOutcome;
import eu.portalliance.avro.CheckPerformed;
import eu.portalliance.avro.OutcomeResult;
import eu.portalliance.platform.UserError;
import eu.portalliance.platform.kafka.TopicSnapshot;
import eu.portalliance.topics.Topic;
import eu.portalliance.topics.Topics;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "outcome", mixinStandardHelpOptions = true,
        description = "Report what a port's check on an alert found. The alliance counts it towards the precision of "
                + "the rule that raised the alert; a later report from the same port replaces the earlier one.")
final class OutcomeCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = "--port", required = true, description = "The reporting port's UN/LOCODE.")
    String port;

    @Option(names = "--alert", required = true, description = "The alert id, as shown by bin/alliance alerts.")
    String alertId;

    @Option(names = "--result", required = true, description = "CONFIRMED, NOTHING_FOUND or NOT_CHECKED.")
    OutcomeResult result;

    @Option(names = "--kg", defaultValue = "0", description = "Kilograms seized (CONFIRMED only).")
    double kilograms;

    @Option(names = "--check", defaultValue = "PHYSICAL", description = "Check performed: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    CheckPerformed check;

    @Option(names = "--note", description = "Free text for analysts; never personal data.")
    String note;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ClientOptions.locode(port, "--port");
        if (kilograms < 0 || (result != OutcomeResult.CONFIRMED && kilograms > 0)) {
            throw new UserError("--kg " + kilograms + " does not fit --result " + result
                    + ": give kilograms (zero or more) only for CONFIRMED");
        }
        if (!deliveredTo(port)) {
            spec.commandLine().getErr().println("alliance: " + alertId + " is not among the cases delivered to " + port
                    + " (bin/alliance alerts --port " + port + " lists them): if the id is mistyped, the alliance sets this "
                    + "report aside on " + Topics.DLQ + " as UNKNOWN_ALERT");
        }
        Topic<String, AlertOutcome> topic = Topics.alertOutcomesTopic(port, client.registryClient());
        AlertOutcome outcome = AlertOutcome.newBuilder().setAlertId(alertId).setPort(port).setReportedAt(Instant.now())
                .setCheckPerformed(check).setOutcome(result).setKilogramsSeized(kilograms).setNote(note).build();
        Map<String, Object> config = new HashMap<>(client.kafka());
        config.put("acks", "all");
        config.put("enable.idempotence", true);
        config.put("max.block.ms", 15_000);
        try (KafkaProducer<String, AlertOutcome> producer = new KafkaProducer<>(config, new StringSerializer(), topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), alertId, outcome)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthorizationException) {
                throw new UserError("not authorised to write " + topic.name() + ": a port reports only for itself; use "
                        + "that port's --client-config");
            }
            throw new UserError("could not report the outcome to " + topic.name() + ": " + e.getCause().getMessage().replaceAll("\\.$", "") + client.ifSecure(e));
        } catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException e) {
            throw new UserError("Kafka at " + client.bootstrap + " did not acknowledge within 30 s: check --bootstrap" + client.secureHint());
        }
        spec.commandLine().getOut().printf("Reported %s%s for alert %s from %s.%n", result,
                result == OutcomeResult.CONFIRMED ? " (" + kilograms + " kg)" : "", alertId, port);
        return 0;
    }

    /**
     * Whether the case was delivered to the port, read from the port's own feed (keys only). A case the port's
     * minimum score held back is not there but is still a case, so this warns rather than refuses; where the feed
     * cannot be read (another port's), the broker's answer to the report itself is what counts.
     */
    private boolean deliveredTo(String port) {
        Map<String, Object> config = client.readCommitted();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            return TopicSnapshot.read(consumer, Topics.alerts(port)).stream().anyMatch(r -> alertId.equals(r.key()));
        } catch (KafkaException e) {
            // Cannot tell (another port's feed, or a secure alliance and no --client-config): the report's answer decides.
            return true;
        }
    }
}
