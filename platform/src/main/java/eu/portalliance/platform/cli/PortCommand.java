package eu.portalliance.platform.cli;

import eu.portalliance.avro.PortInfo;
import eu.portalliance.platform.UserError;
import eu.portalliance.platform.kafka.TopicProvisioner;
import eu.portalliance.platform.registry.PortSubjects;
import eu.portalliance.platform.security.AccessControl;
import eu.portalliance.platform.security.Credentials;
import eu.portalliance.platform.security.LocalCa;
import eu.portalliance.registry.RestSchemaRegistryClient;
import eu.portalliance.topics.Topic;
import eu.portalliance.topics.Topics;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "port", mixinStandardHelpOptions = true, description = "Manage the alliance's ports.",
        subcommands = PortCommand.Add.class)
final class PortCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Admit a port: create its topics, list it as an alliance member and, on a secure alliance, "
                    + "create its principal, password and ACLs (write its own inputs, read its own alerts). Prints the "
                    + "client settings file to hand to the port.")
    static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "LOCODE", description = "The port's UN/LOCODE, e.g. HRRJK.")
        String locode;

        @Option(names = "--name", description = "The port's name (default: the LOCODE).")
        String name;

        @Option(names = "--data-dir", defaultValue = "./data", description = "The running alliance's data folder (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--bootstrap", defaultValue = "127.0.0.1:9092", description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
        String bootstrap;

        @Option(names = "--registry", defaultValue = "http://127.0.0.1:8081", description = "Schema registry URL (default: ${DEFAULT-VALUE}).")
        String registry;

        @Option(names = "--client-config", description = "Admin client settings for a cluster not started by bin/alliance up "
                + "(docker/); the port's password then comes from ALLIANCE_PASSWORD_PORT_<LOCODE>.")
        Path clientConfig;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ClientOptions.locode(locode, "LOCODE");
            ClientOptions.requireAnswering(bootstrap, registry);
            Credentials credentials = new Credentials(dataDir);
            boolean external = clientConfig != null;
            boolean secure = external || credentials.exists(Credentials.ADMIN);
            Map<String, Object> config = new HashMap<>();
            if (external) {
                config.putAll(ClientOptions.readClientConfig(clientConfig));
            } else if (secure) {
                config.putAll(credentials.clientConfig(Credentials.ADMIN));
            }
            config.put("bootstrap.servers", bootstrap);
            config.put("default.api.timeout.ms", 15_000);
            config.put("request.timeout.ms", 10_000);
            config.put("max.block.ms", 15_000);
            try (Admin admin = Admin.create(config)) {
                int created = TopicProvisioner.ensure(admin, Topics.portTopics(locode), (short) 1);
                if (secure) {
                    String principal = Credentials.portPrincipal(locode);
                    String env = "ALLIANCE_PASSWORD_PORT_" + locode;
                    String password = external ? System.getenv(env) : credentials.password(principal, bootstrap);
                    if (password == null || password.isBlank()) {
                        throw new UserError("set " + env + " to the password port " + locode + " will use");
                    }
                    AccessControl.upsertUser(admin, principal, password);
                    AccessControl.grantPort(admin, locode);
                    if (!external) {
                        // The port's systems may connect the moment this command returns.
                        Map<String, Object> probe = new HashMap<>(credentials.clientConfig(principal));
                        probe.put("bootstrap.servers", bootstrap);
                        AccessControl.awaitAccepted(probe, java.time.Duration.ofSeconds(30));
                    }
                }
                RestSchemaRegistryClient registryClient = new RestSchemaRegistryClient(registry);
                PortSubjects.register(registryClient, locode);
                Topic<String, PortInfo> ports = Topics.portsTopic(registryClient);
                PortInfo info = PortInfo.newBuilder().setLocode(locode).setName(name == null ? locode : name)
                        .setCountry(locode.substring(0, 2)).setAllianceMember(true).build();
                try (KafkaProducer<String, PortInfo> producer = new KafkaProducer<>(config, new StringSerializer(), ports.valueSerde().serializer())) {
                    producer.send(new ProducerRecord<>(ports.name(), locode, info)).get(30, TimeUnit.SECONDS);
                }
                spec.commandLine().getOut().printf("Port %s admitted: %d topic(s) created (%s).%n", locode, created,
                        String.join(", ", Topics.portTopics(locode).stream().map(t -> t.name()).toList()));
                if (secure && !external) {
                    String principal = Credentials.portPrincipal(locode);
                    LocalCa ca = new LocalCa(dataDir);
                    Path librdkafka = credentials.writeLibrdkafkaConfig(principal, ca.endpoint(), ca.caCertificate());
                    spec.commandLine().getOut().printf("Client settings for %s: %s, and %s for librdkafka-based clients "
                            + "(keep secret; hand to the port).%n", principal, credentials.file(principal), librdkafka);
                }
            } catch (UserError e) {
                throw e;
            } catch (Exception e) {
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                throw new UserError("could not admit " + locode + " via " + bootstrap + ": " + root.getMessage()
                        + " (is bin/alliance up running, and is --data-dir its data folder?)");
            }
            return 0;
        }
    }

}
