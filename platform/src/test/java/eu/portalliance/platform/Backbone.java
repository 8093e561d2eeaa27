package eu.portalliance.platform;

import eu.portalliance.platform.kafka.EmbeddedKafka;
import eu.portalliance.platform.kafka.TopicProvisioner;
import eu.portalliance.platform.registry.RegistryServer;
import eu.portalliance.topics.Topics;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/** A real broker holding every alliance topic, and the schema registry on it: what end-to-end tests start from. */
public final class Backbone implements AutoCloseable {
    public final EmbeddedKafka kafka;
    public final RegistryServer registry;

    private Backbone(EmbeddedKafka kafka, RegistryServer registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    public static Backbone start(Path dir) throws Exception {
        int[] p = FreePorts.pick(2);
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), p[0], p[1], Map.of());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            TopicProvisioner.ensure(admin, Platform.allTopics(), (short) 1);
        }
        return new Backbone(kafka, RegistryServer.start(kafka.bootstrapServers(), Topics.SCHEMAS, Platform.HOST, 0, Map.of()));
    }

    @Override
    public void close() {
        registry.close();
        kafka.close();
    }
}
