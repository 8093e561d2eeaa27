package eu.portalliance.platform.cli;

import eu.portalliance.avro.Alert;
import eu.portalliance.platform.UserError;
import eu.portalliance.platform.kafka.TopicSnapshot;
import eu.portalliance.topics.Topic;
import eu.portalliance.topics.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Show the cases delivered to a port (its ports.<LOCODE>.alerts.v1) or a subscriber (its "
                + "subscribers.<ID>.alerts.v1): each case once, at its latest "
                + "revision, highest score first; with --follow, then every new revision as it arrives. Reads committed records only.")
final class AlertsCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Recipient recipient;

    static final class Recipient {
        @Option(names = "--port", required = true, description = "The port's UN/LOCODE, e.g. NLRTM.")
        String port;

        @Option(names = "--subscriber", required = true, description = "A subscriber's id, e.g. EUROPOL, as given to bin/alliance subscribe.")
        String subscriber;

        String id() {
            if (port != null) {
                return ClientOptions.locode(port, "--port");
            }
            if (!subscriber.matches(SubscribeCommand.ID)) {
                throw new UserError("--subscriber " + subscriber + ": a subscriber id has letters, digits, '-' and '_' only");
            }
            return subscriber;
        }
    }

    @Option(names = "--follow", description = "Keep running and print new alerts as they arrive (Ctrl-C to stop).")
    boolean follow;

    @Option(names = "--json", description = "One JSON object per line, for machines.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String recipientId = recipient.id();
        Topic<String, Alert> topic = Topics.recipientAlertsTopic(recipientId, client.registryClient());
        Map<String, Object> config = client.readCommitted();
        PrintWriter out = spec.commandLine().getOut();
        AtomicBoolean stopping = new AtomicBoolean();
        try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(config, new StringDeserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(15)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (recipient.port != null) {
                ClientOptions.requireTopic(!partitions.isEmpty(), topic.name(), recipientId);
            } else if (partitions.isEmpty()) {
                throw new UserError("topic " + topic.name() + " does not exist: has " + recipientId + " subscribed (bin/alliance "
                        + "subscribe --id " + recipientId + ")?");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(15));
            if (follow) {
                Thread main = Thread.currentThread();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stopping.set(true);
                    consumer.wakeup();
                    try {
                        main.join(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            Map<String, Alert> latest = new LinkedHashMap<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(500))) {
                    latest.merge(r.key(), r.value(), TopicSnapshot::later);
                }
            }
            List<Alert> ranked = latest.values().stream()
                    .sorted(Comparator.comparingDouble((Alert a) -> -a.getScore()).thenComparing(Alert::getAlertId)).toList();
            ranked.forEach(a -> out.println(json ? a.toString() : AlertLines.human(a)));
            out.flush();
            if (!json) {
                spec.commandLine().getErr().println(ranked.size() + " case(s) for " + recipientId + ", highest score first.");
            }
            while (follow) {
                for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(500))) {
                    out.println(json ? r.value().toString() : AlertLines.human(r.value()));
                }
                out.flush();
            }
        } catch (WakeupException e) {
            if (!stopping.get()) {
                throw e;
            }
        } catch (AuthorizationException e) {
            throw new UserError("not authorised to read " + topic.name() + " (" + e.getMessage()
                    + "): a port or subscriber reads only its own alerts; use its --client-config");
        } catch (KafkaException e) {
            throw new UserError("cannot read " + topic.name() + " from " + client.bootstrap + ": " + e.getMessage() + client.ifSecure(e));
        }
        return 0;
    }
}
