package eu.portalliance.platform.cli;

import eu.portalliance.avro.ScanImage;
import eu.portalliance.avro.ScanRecommendation;
import eu.portalliance.avro.ScanResult;
import eu.portalliance.platform.UserError;
import eu.portalliance.platform.kafka.TopicSnapshot;
import eu.portalliance.ports.PortClient;
import eu.portalliance.screening.ScanResults;
import eu.portalliance.topics.Topic;
import eu.portalliance.topics.Topics;
import eu.portalliance.validation.ValidationException;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "scan-result", mixinStandardHelpOptions = true,
        description = "Report what the port's check of a recommended container found. The recommendation's profile version, "
                + "criteria and control pick are copied from it, so each criterion's hit rate can be told (bin/alliance "
                + "profile show). The first result per recommendation counts. A seizure also goes in as a seizure report.")
final class ScanResultCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = "--port", required = true, description = "The reporting port (UN/LOCODE).")
    String port;

    @Option(names = "--recommendation", required = true, description = "The recommendation id, e.g. SCAN-e7b0934529a57d390c89.")
    String recommendation;

    @Option(names = "--image", description = "What the scan showed: ${COMPLETION-CANDIDATES}; leave out when not scanned.")
    ScanImage image;

    @Option(names = "--physical", description = "The container was opened.")
    boolean physical;

    @Option(names = "--seizure", description = "Drugs were found.")
    boolean seizure;

    @Option(names = "--kg", defaultValue = "0", description = "Kilograms found (with --seizure).")
    double kilograms;

    @Option(names = "--note", description = "Free text for the officer.")
    String note;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ClientOptions.locode(port, "--port");
        ScanRecommendation r = find();
        boolean scanned = image != null && image != ScanImage.NOT_SCANNED;
        ScanResult result = ScanResults.answering(r, Instant.now()).setScanned(scanned).setImage(scanned ? image : ScanImage.NOT_SCANNED)
                .setPhysicalCheck(physical).setSeizure(seizure).setKilograms(kilograms).setNote(note).build();
        try (PortClient ports = new PortClient(port, client.kafka(), client.registryClient())) {
            ports.report(result).get(30, TimeUnit.SECONDS);
        } catch (ValidationException e) {
            throw new UserError(e.getMessage());
        }
        spec.commandLine().getOut().printf("Reported %s for %s (container %s, profile v%d)%s.%n",
                seizure ? "a seizure" + (kilograms > 0 ? " of " + kilograms + " kg" : "") : scanned || physical ? "a check" : "no check",
                recommendation, r.getContainerNumber(), r.getProfileVersion(), r.getControlPick() ? ", a control pick" : "");
        return 0;
    }

    private ScanRecommendation find() {
        Topic<String, ScanRecommendation> topic = Topics.scanRecommendationsTopic(port, client.registryClient());
        try (KafkaConsumer<String, ScanRecommendation> consumer = new KafkaConsumer<>(client.readCommitted(), new StringDeserializer(),
                topic.valueSerde().deserializer())) {
            ClientOptions.requireTopic(!consumer.partitionsFor(topic.name()).isEmpty(), topic.name(), port);
            return TopicSnapshot.read(consumer, topic.name()).stream().map(c -> c.value())
                    .filter(v -> v.getRecommendationId().equals(recommendation)).reduce((a, b) -> b)
                    .orElseThrow(() -> new UserError("no recommendation " + recommendation + " on " + topic.name()
                            + ": copy its id from bin/alliance recommendations --port " + port));
        }
    }
}
