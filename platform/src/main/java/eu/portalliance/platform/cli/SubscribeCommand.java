package eu.portalliance.platform.cli;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.Severity;
import eu.portalliance.avro.SubscriberKind;
import eu.portalliance.avro.Subscription;
import eu.portalliance.ids.UnLocode;
import eu.portalliance.platform.UserError;
import eu.portalliance.platform.kafka.TopicProvisioner;
import eu.portalliance.registry.RestSchemaRegistryClient;
import eu.portalliance.serde.AvroSerde;
import eu.portalliance.serde.WireFormat;
import eu.portalliance.topology.cases.CaseScore;
import eu.portalliance.topics.TopicSpec;
import eu.portalliance.topics.Topics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "subscribe", mixinStandardHelpOptions = true,
        description = "Set what a subscriber receives: a port's watch room, Europol, a national HQ. Its feed topic is created "
                + "when missing. A minimum score and a daily cap hold cases back from the feed; what they hold back stays "
                + "queryable (/api/cases) and is audited. Takes effect with the next case revision, no restart.")
final class SubscribeCommand implements Callable<Integer> {
    /** A subscriber id names its feed topic, so it keeps to what a topic name allows. */
    static final String ID = "[A-Za-z0-9_-]+";

    @Mixin
    ClientOptions client;

    @Option(names = "--id", required = true, description = "Subscriber id: a port's LOCODE, EUROPOL, or a national HQ id such as NL-FIOD.")
    String id;

    @Option(names = "--kind", defaultValue = "PORT", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    SubscriberKind kind;

    @Option(names = "--min-score", defaultValue = "0", description = "Cases scoring below this are held back (default: ${DEFAULT-VALUE}).")
    double minimumScore;

    @Option(names = "--daily-cap", defaultValue = "0", description = "The most new cases a day; 0 for no cap (default: ${DEFAULT-VALUE}).")
    int dailyCap;

    @Option(names = "--min-severity", defaultValue = "LOW", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Severity minimumSeverity;

    @Option(names = "--types", split = ",", description = "Case types wanted (default: all).")
    List<AlertType> types = List.of();

    @Option(names = "--ports", split = ",", description = "Only cases involving one of these ports (default: all).")
    List<String> ports = List.of();

    @Option(names = "--origins", split = ",", description = "Only cases from these origin countries or ports (default: all).")
    List<String> origins = List.of();

    @Option(names = "--need-to-know", description = "May see named parties of cases it was not involved in.")
    boolean needToKnow;

    @Option(names = "--remove", description = "Remove the subscription (ports still get the cases they are involved in).")
    boolean remove;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!id.matches(ID)) {
            throw new UserError("--id " + id + ": use letters, digits, '-' and '_' only (it names the subscriber's topic)");
        }
        ports.forEach(p -> ClientOptions.locode(p, "--ports"));
        // An origin the router can never match would leave the subscriber with nothing, and no one told.
        origins.stream().filter(o -> !UnLocode.isCountry(o) && !UnLocode.isValid(o)).findFirst().ifPresent(o -> {
            throw new UserError("--origins " + o + ": give ISO 3166-1 country codes (e.g. CO) or UN/LOCODEs of ports of "
                    + "loading (e.g. COCTG), upper case");
        });
        if (minimumScore < 0 || dailyCap < 0) {
            throw new UserError("--min-score and --daily-cap must be zero or more");
        }
        if (minimumScore > CaseScore.MAX) {
            throw new UserError(String.format(Locale.ROOT, "--min-score %s: scores run from 0 to %.0f, so nothing would reach %s; "
                    + "give 0 to %.0f", java.math.BigDecimal.valueOf(minimumScore).stripTrailingZeros().toPlainString(), CaseScore.MAX, id, CaseScore.MAX));
        }
        boolean member = kind == SubscriberKind.PORT || kind == SubscriberKind.EUROPOL;
        Subscription s = Subscription.newBuilder().setSubscriberId(id).setKind(kind).setAllianceMember(member)
                .setAlertTypes(types).setMinimumSeverity(minimumSeverity).setPorts(ports).setOrigins(origins)
                .setNeedToKnowParties(needToKnow).setMinimumScore(minimumScore).setDailyCap(dailyCap).build();
        RestSchemaRegistryClient registry = client.registryClient();
        String feed = Topics.alertsFor(id);
        try (Admin admin = Admin.create(client.kafka())) {
            if (!remove && !UnLocode.isValid(id)) {
                TopicProvisioner.ensure(admin, List.of(new TopicSpec(feed, 1, Map.of("retention.ms", Long.toString(365L * 86_400_000),
                        "message.timestamp.type", "LogAppendTime"))), (short) 1);
            }
        }
        // The topology delivers to the feed inside transactions; its subject must exist before the first case.
        registry.register(WireFormat.subject(feed, false), Alert.getClassSchema());
        try (KafkaProducer<String, Subscription> producer = new KafkaProducer<>(client.kafka(), new StringSerializer(),
                AvroSerde.value(registry, Subscription.class).serializer())) {
            producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS, id, remove ? null : s)).get(30, TimeUnit.SECONDS);
        }
        spec.commandLine().getOut().println(remove ? "Subscription of " + id + " removed."
                : String.format("Subscribed %s (%s) to %s: minimum score %.0f, daily cap %s.", id, kind, feed, minimumScore,
                dailyCap == 0 ? "none" : dailyCap));
        return 0;
    }
}
