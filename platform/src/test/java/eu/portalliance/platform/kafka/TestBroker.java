package eu.portalliance.platform.kafka;

import eu.portalliance.platform.FreePorts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** One embedded broker on free ports, with an admin client and the topics a test class needs. */
final class TestBroker implements AutoCloseable {
    final EmbeddedKafka kafka;
    final Admin admin;

    private TestBroker(EmbeddedKafka kafka, Admin admin) {
        this.kafka = kafka;
        this.admin = admin;
    }

    static TestBroker start(Path dir, Map<String, String> settings, NewTopic... topics) throws Exception {
        int[] p = FreePorts.pick(2);
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), p[0], p[1], settings);
        Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()));
        admin.createTopics(List.of(topics)).all().get();
        return new TestBroker(kafka, admin);
    }

    @Override
    public void close() {
        admin.close();
        kafka.close();
    }
}
