package eu.portalliance.platform.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.portalliance.avro.ScreeningPrecision;
import eu.portalliance.avro.ScreeningProfile;
import eu.portalliance.platform.UserError;
import eu.portalliance.platform.kafka.TopicSnapshot;
import eu.portalliance.ports.EventFormatException;
import eu.portalliance.ports.FriendlyJson;
import eu.portalliance.topics.Topic;
import eu.portalliance.topics.Topics;
import eu.portalliance.topology.screening.ScreeningProfiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "The alliance's one screening profile for arriving containers: its versions, and a new one. A notice "
                + "is judged by the version in force at its own notice time, the same at every port.",
        subcommands = {ProfileCommand.Show.class, ProfileCommand.Set.class})
final class ProfileCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static List<ScreeningProfile> versions(ClientOptions client) {
        Topic<String, ScreeningProfile> topic = Topics.screeningProfileTopic(client.registryClient());
        try (KafkaConsumer<String, ScreeningProfile> consumer = new KafkaConsumer<>(client.readCommitted(), new StringDeserializer(),
                topic.valueSerde().deserializer())) {
            return TopicSnapshot.latestByKey(TopicSnapshot.read(consumer, topic.name())).stream()
                    .sorted(Comparator.comparingInt(ScreeningProfile::getVersion)).toList();
        }
    }

    /** What the ports' checks found per version and criterion (alliance.screening-precision.v1, latest per key). */
    static List<ScreeningPrecision> hitRates(ClientOptions client) {
        Topic<String, ScreeningPrecision> topic = Topics.screeningPrecisionTopic(client.registryClient());
        try (KafkaConsumer<String, ScreeningPrecision> consumer = new KafkaConsumer<>(client.readCommitted(), new StringDeserializer(),
                topic.valueSerde().deserializer())) {
            return TopicSnapshot.latestByKey(TopicSnapshot.read(consumer, topic.name()));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Every version of the profile; the one in force now is marked.")
    static final class Show implements Callable<Integer> {
        @Mixin
        ClientOptions client;

        @Option(names = "--json", description = "One JSON object per version.")
        boolean json;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<ScreeningProfile> versions = versions(client);
            PrintWriter out = spec.commandLine().getOut();
            if (versions.isEmpty()) {
                throw new UserError("no screening profile on " + Topics.SCREENING_PROFILE + ": start the alliance (bin/alliance up "
                        + "seeds version 1) or publish one with bin/alliance profile set --file");
            }
            List<ScreeningPrecision> hitRates = hitRates(client);
            ScreeningProfile inForce = ScreeningProfiles.inForce(versions, System.currentTimeMillis()).orElse(null);
            for (ScreeningProfile p : versions) {
                if (json) {
                    out.println(p.toString());
                    continue;
                }
                out.printf("version %d%s, from %s%s%n", p.getVersion(), p == inForce ? " (in force)" : "", p.getValidFrom(),
                        p.getNote() == null ? "" : ": " + p.getNote());
                out.printf("  entity hit +%.2f within %d days; risk origin +%.2f; transshipment hub +%.2f %s; concealment +%.2f %s; "
                                + "route surge +%.2f within %d days%n",
                        p.getEntityHitWeight(), p.getWindowDays(), p.getRiskOriginWeight(), p.getTransshipmentHubWeight(),
                        p.getTransshipmentHubs(), p.getConcealmentWeight(), p.getConcealmentHsPrefixes(), p.getRouteSurgeWeight(),
                        p.getRouteSurgeDays());
                out.printf("  SCAN from %.2f, PHYSICAL from %.2f, control share %.1f %%%n", p.getScanThreshold(),
                        p.getPhysicalThreshold(), p.getControlShare() * 100);
                List<String> rates = hitRates.stream().filter(h -> h.getProfileVersion() == p.getVersion())
                        .map(h -> String.format("%s %d/%d", h.getCriterion(), h.getSeizures(), h.getChecked())
                                + (h.getHitRate() == null ? "" : String.format(" (%.0f %%)", h.getHitRate() * 100))).toList();
                if (!rates.isEmpty()) {
                    out.println("  hits/checks: " + String.join(", ", rates));
                }
            }
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Publish a new version from a JSON file with the profile's fields (see schemas/src/main/avro/"
                    + "ScreeningProfile.avsc; left-out fields take their defaults). version must be higher than every "
                    + "existing one; validFrom defaults to now. Earlier notices keep the version that judged them.")
    static final class Set implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Mixin
        ClientOptions client;

        @Option(names = "--file", required = true, description = "The new version, as a JSON object.")
        Path file;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            JsonNode node;
            try {
                node = JSON.readTree(Files.readString(file));
            } catch (JsonProcessingException e) {
                throw new UserError("--file " + file + ": " + FriendlyJson.notJson(e, true));
            } catch (IOException e) {
                throw new UserError("cannot read --file " + file + " (" + e.getMessage() + ")");
            }
            if (node == null || !node.isObject()) {
                throw new UserError("--file " + file + " is not a JSON object");
            }
            ObjectNode fields = (ObjectNode) node;
            if (!fields.has("validFrom")) {
                fields.put("validFrom", Instant.now().toString());
            }
            ScreeningProfile profile;
            try {
                profile = FriendlyJson.read(fields, ScreeningProfile.class);
            } catch (EventFormatException e) {
                throw new UserError("--file " + file + ": " + e.getMessage());
            }
            check(profile);
            int highest = versions(client).stream().mapToInt(ScreeningProfile::getVersion).max().orElse(0);
            if (profile.getVersion() <= highest) {
                throw new UserError("version " + profile.getVersion() + " is not above the highest existing version " + highest
                        + ": set \"version\": " + (highest + 1));
            }
            Topic<String, ScreeningProfile> topic = Topics.screeningProfileTopic(client.registryClient());
            try (KafkaProducer<String, ScreeningProfile> producer = new KafkaProducer<>(client.kafka(), new StringSerializer(),
                    topic.valueSerde().serializer())) {
                producer.send(new ProducerRecord<>(topic.name(), Integer.toString(profile.getVersion()), profile)).get(30, TimeUnit.SECONDS);
            }
            spec.commandLine().getOut().printf("Screening profile version %d published; it judges notices from %s on.%n",
                    profile.getVersion(), profile.getValidFrom());
            return 0;
        }

        private static void check(ScreeningProfile p) {
            if (p.getControlShare() < 0 || p.getControlShare() > 0.2) {
                throw new UserError("controlShare " + p.getControlShare() + " must be from 0 to 0.2 (a share, e.g. 0.01 for 1 %)");
            }
            if (p.getScanThreshold() <= 0 || p.getPhysicalThreshold() < p.getScanThreshold()) {
                throw new UserError("thresholds: scanThreshold must be above 0 and physicalThreshold at least scanThreshold");
            }
            if (p.getWindowDays() < 1 || p.getWindowDays() > 730) {
                throw new UserError("windowDays " + p.getWindowDays() + " must be from 1 to 730");
            }
            for (String hub : p.getTransshipmentHubs()) {
                ClientOptions.locode(hub, "transshipmentHubs");
            }
        }
    }
}
