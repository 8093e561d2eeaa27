package eu.portalliance.platform.cli;

import eu.portalliance.avro.CriterionMatch;
import eu.portalliance.avro.ScanAction;
import eu.portalliance.avro.ScanRecommendation;
import eu.portalliance.platform.UserError;
import eu.portalliance.platform.kafka.TopicSnapshot;
import eu.portalliance.topics.Topic;
import eu.portalliance.topics.Topics;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "recommendations", mixinStandardHelpOptions = true,
        description = "Show the alliance's pre-arrival scan recommendations for a port (ports.<LOCODE>.scan-recommendations.v1): "
                + "one per announced container, highest score first, with every criterion that matched and the profile "
                + "version that judged it. Reads committed records only.")
final class RecommendationsCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = "--port", required = true, description = "The port's UN/LOCODE, e.g. NLRTM.")
    String port;

    @Option(names = "--all", description = "Also the containers recommended for nothing (action NONE).")
    boolean all;

    @Option(names = "--json", description = "One JSON object per line, for machines.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ClientOptions.locode(port, "--port");
        Topic<String, ScanRecommendation> topic = Topics.scanRecommendationsTopic(port, client.registryClient());
        Map<String, ScanRecommendation> byNotice = new LinkedHashMap<>();
        try (KafkaConsumer<String, ScanRecommendation> consumer = new KafkaConsumer<>(client.readCommitted(), new StringDeserializer(),
                topic.valueSerde().deserializer())) {
            ClientOptions.requireTopic(!consumer.partitionsFor(topic.name()).isEmpty(), topic.name(), port);
            for (ConsumerRecord<String, ScanRecommendation> r : TopicSnapshot.read(consumer, topic.name())) {
                byNotice.put(r.value().getArrivalEventId(), r.value());
            }
        } catch (AuthorizationException e) {
            throw new UserError("not authorised to read " + topic.name() + ": a port reads its own recommendations only");
        }
        List<ScanRecommendation> shown = byNotice.values().stream().filter(r -> all || r.getAction() != ScanAction.NONE)
                .sorted(Comparator.comparingDouble(ScanRecommendation::getScore).reversed()
                        .thenComparing(ScanRecommendation::getContainerNumber)).toList();
        PrintWriter out = spec.commandLine().getOut();
        for (ScanRecommendation r : shown) {
            if (json) {
                out.println(r.toString());
                continue;
            }
            out.printf("%-8s %.2f  %s  vessel %s%s, ETA %s  [%s, profile v%d]%s%n", r.getAction(), r.getScore(),
                    r.getContainerNumber(), r.getVesselImo(), r.getVoyage() == null ? "" : " voyage " + r.getVoyage(), r.getEta(),
                    r.getRecommendationId(), r.getProfileVersion(), r.getControlPick() ? " (control pick)" : "");
            for (CriterionMatch m : r.getCriteria()) {
                out.printf("    %-19s +%.2f  %s%s%n", m.getCriterion(), m.getWeight(), m.getDetail(),
                        m.getLineage().isEmpty() ? "" : "  <- " + String.join(", ", m.getLineage()));
            }
        }
        if (!json) {
            long recommended = byNotice.values().stream().filter(r -> r.getAction() != ScanAction.NONE).count();
            out.printf("%d of %d announced containers recommended for a scan or check at %s.%n", recommended, byNotice.size(), port);
        }
        return 0;
    }
}
