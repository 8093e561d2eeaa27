package eu.portalliance.platform.connect;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.platform.Backbone;
import eu.portalliance.platform.kafka.EmbeddedKafka;
import eu.portalliance.platform.registry.RegistryServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * What a Kafka Connect end-to-end test stands on: a real broker with the alliance's topics, the registry, a real
 * PostgreSQL, and a Connect worker started from the project's own worker config with the built plugin folders.
 */
final class ConnectFixture implements AutoCloseable {
    static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    final EmbeddedPostgres postgres;
    final EmbeddedKafka kafka;
    final RegistryServer registry;
    final ConnectWorker worker;

    ConnectFixture(Path dir, EmbeddedPostgres postgres) throws Exception {
        Path plugins = PROJECT.resolve("connectors/target/plugins");
        assertThat(plugins.resolve("debezium-postgres")).as("plugin folders are built by `mvn package`").isDirectory();
        assertThat(plugins.resolve("debezium-jdbc")).as("plugin folders are built by `mvn package`").isDirectory();
        this.postgres = postgres;
        Backbone backbone = Backbone.start(dir);
        kafka = backbone.kafka;
        registry = backbone.registry;
        Map<String, String> workerProps = ConnectWorker.load(PROJECT.resolve("connectors/config/worker.properties"));
        workerProps.put("bootstrap.servers", kafka.bootstrapServers());
        workerProps.put("value.converter.schema.registry.url", registry.url());
        workerProps.put("offset.storage.file.filename", dir.resolve("offsets").toString());
        workerProps.put("plugin.path", plugins.toString());
        workerProps.put("listeners", "http://127.0.0.1:0");
        worker = ConnectWorker.start(workerProps);
    }

    /** Starts the connector in {@code connectors/config/<file>} with {@code overrides}, and waits until it runs. */
    void connector(String file, Map<String, String> overrides) throws Exception {
        Map<String, String> config = new HashMap<>(ConnectWorker.load(PROJECT.resolve("connectors/config/" + file)));
        config.putAll(overrides);
        worker.putConnector(config);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> worker.status(config.get("name")).equals("RUNNING [RUNNING]"));
    }

    @Override
    public void close() throws Exception {
        worker.close();
        registry.close();
        kafka.close();
        postgres.close();
    }
}
