package eu.portalliance.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.platform.FreePorts;
import eu.portalliance.platform.kafka.EmbeddedKafka;
import eu.portalliance.registry.CompatibilityLevel;
import eu.portalliance.registry.RegistryException;
import eu.portalliance.registry.RestSchemaRegistryClient;
import eu.portalliance.serde.AvroDeserializer;
import eu.portalliance.serde.AvroSerializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry over real HTTP (as curl or a Confluent client would call it), stored in a real broker. */
@Tag("end-to-end")
class RegistryServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CT = "application/vnd.schemaregistry.v1+json";
    private static final String V1 = "{\"type\":\"record\",\"name\":\"E\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
    private static final String V2_OK = "{\"type\":\"record\",\"name\":\"E\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
            + "{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}";
    private static final String V2_BAD = "{\"type\":\"record\",\"name\":\"E\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
            + "{\"name\":\"b\",\"type\":\"int\"}]}";

    @TempDir
    Path dir;
    private int kafkaPort;
    private int controllerPort;
    private EmbeddedKafka kafka;
    private RegistryServer registry;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        int[] ports = FreePorts.pick(2);
        kafkaPort = ports[0];
        controllerPort = ports[1];
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), kafkaPort, controllerPort, Map.of());
        registry = RegistryServer.start(kafka.bootstrapServers(), "_schemas", "127.0.0.1", 0, Map.of());
    }

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private record Answer(int status, JsonNode body, String contentType) {
    }

    private Answer call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(registry.url() + path)).timeout(Duration.ofSeconds(30));
        if (body != null) {
            b.header("Content-Type", CT);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()),
                r.headers().firstValue("Content-Type").orElse(""));
    }

    private static String schemaBody(String schema) {
        return JSON.createObjectNode().put("schema", schema).toString();
    }

    @Test
    void registersLooksUpAndListsLikeConfluent() throws Exception {
        Answer registered = call("POST", "/subjects/orders-value/versions", schemaBody(V1));
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.contentType()).isEqualTo(CT);
        int id = registered.body().get("id").asInt();

        assertThat(call("POST", "/subjects/orders-value/versions", schemaBody(V1)).body().get("id").asInt()).isEqualTo(id);
        assertThat(call("GET", "/subjects", null).body()).containsExactly(JSON.getNodeFactory().textNode("orders-value"));
        assertThat(call("GET", "/subjects/orders-value/versions", null).body().toString()).isEqualTo("[1]");

        JsonNode latest = call("GET", "/subjects/orders-value/versions/latest", null).body();
        assertThat(latest.get("subject").asText()).isEqualTo("orders-value");
        assertThat(latest.get("version").asInt()).isEqualTo(1);
        assertThat(latest.get("id").asInt()).isEqualTo(id);
        assertThat(new Schema.Parser().parse(latest.get("schema").asText())).isEqualTo(new Schema.Parser().parse(V1));

        assertThat(new Schema.Parser().parse(call("GET", "/schemas/ids/" + id, null).body().get("schema").asText()))
                .isEqualTo(new Schema.Parser().parse(V1));
        JsonNode found = call("POST", "/subjects/orders-value", schemaBody(V1)).body();
        assertThat(found.get("version").asInt()).isEqualTo(1);
        assertThat(found.get("id").asInt()).isEqualTo(id);

        Answer evolved = call("POST", "/subjects/orders-value/versions", schemaBody(V2_OK));
        assertThat(evolved.body().get("id").asInt()).isNotEqualTo(id);
        assertThat(call("GET", "/subjects/orders-value/versions", null).body().toString()).isEqualTo("[1,2]");
        assertThat(call("GET", "/schemas/ids/" + id + "/versions", null).body().toString())
                .isEqualTo("[{\"subject\":\"orders-value\",\"version\":1}]");
    }

    @Test
    void incompatibleSchemaIs409WithConfluentsBodyAndStoresNothing() throws Exception {
        call("POST", "/subjects/orders-value/versions", schemaBody(V1));

        Answer check = call("POST", "/compatibility/subjects/orders-value/versions/latest?verbose=true", schemaBody(V2_BAD));
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body().get("is_compatible").asBoolean()).isFalse();
        assertThat(check.body().get("messages").get(0).asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(call("POST", "/compatibility/subjects/orders-value/versions/latest", schemaBody(V2_OK))
                .body().get("is_compatible").asBoolean()).isTrue();

        Answer rejected = call("POST", "/subjects/orders-value/versions", schemaBody(V2_BAD));
        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.body().get("error_code").asInt()).isEqualTo(409);
        assertThat(rejected.body().get("message").asText()).startsWith("Schema being registered is incompatible");
        assertThat(call("GET", "/subjects/orders-value/versions", null).body().toString()).isEqualTo("[1]");
    }

    @Test
    void unknownThingsAndBadInputGetConfluentErrorCodes() throws Exception {
        Answer noSubject = call("GET", "/subjects/nope/versions/latest", null);
        assertThat(noSubject.status()).isEqualTo(404);
        assertThat(noSubject.body().get("error_code").asInt()).isEqualTo(40401);

        call("POST", "/subjects/s-value/versions", schemaBody(V1));
        assertThat(call("GET", "/subjects/s-value/versions/9", null).body().get("error_code").asInt()).isEqualTo(40402);
        assertThat(call("GET", "/schemas/ids/999", null).body().get("error_code").asInt()).isEqualTo(40403);
        assertThat(call("POST", "/subjects/s-value", schemaBody(V2_OK)).body().get("error_code").asInt()).isEqualTo(40403);

        Answer invalid = call("POST", "/subjects/s-value/versions", schemaBody("{\"type\":\"recrod\"}"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body().get("error_code").asInt()).isEqualTo(42201);
        assertThat(invalid.body().get("message").asText()).doesNotContain("\n");

        Answer notJson = call("POST", "/subjects/s-value/versions", "{schema");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(call("GET", "/subjects/s-value/versions/x", null).body().get("error_code").asInt()).isEqualTo(42202);
        assertThat(call("PUT", "/config", "{\"compatibility\":\"SIDEWAYS\"}").body().get("error_code").asInt()).isEqualTo(42203);
        assertThat(call("GET", "/nothing/here", null).status()).isEqualTo(404);
    }

    @Test
    void compatibilityConfigIsGlobalOrPerSubject() throws Exception {
        assertThat(call("GET", "/config", null).body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        assertThat(call("PUT", "/config/loose-value", "{\"compatibility\":\"NONE\"}").body().get("compatibility").asText())
                .isEqualTo("NONE");
        call("POST", "/subjects/loose-value/versions", schemaBody(V1));
        assertThat(call("POST", "/subjects/loose-value/versions", schemaBody(V2_BAD)).status()).isEqualTo(200);
        assertThat(call("GET", "/config/other-value", null).body().get("error_code").asInt()).isEqualTo(40408);
        assertThat(call("GET", "/config/other-value?defaultToGlobal=true", null).body().get("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");
    }

    @Test
    void restClientAndSerdeWorkThroughTheServerAndARealBroker() throws Exception {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());
        String topic = "ports.BEANR.seizures.v1";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        SeizureReport sent = eu.portalliance.platform.Samples.seizure("BEANR-SZ-42");
        try (KafkaProducer<String, SeizureReport> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(),
                new AvroSerializer<>(client, false, true))) {
            producer.send(new ProducerRecord<>(topic, sent.getContainerNumber(), sent)).get();
        }
        try (KafkaConsumer<String, SeizureReport> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringDeserializer(),
                new AvroDeserializer<>(new RestSchemaRegistryClient(registry.url()), SeizureReport.class))) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(Set.of(tp));
            consumer.seekToBeginning(Set.of(tp));
            ConsumerRecords<String, SeizureReport> records = ConsumerRecords.empty();
            long deadline = System.currentTimeMillis() + 30_000;
            while (records.isEmpty() && System.currentTimeMillis() < deadline) {
                records = consumer.poll(Duration.ofMillis(200));
            }
            assertThat(records.count()).isEqualTo(1);
            assertThat(records.iterator().next().value()).isEqualTo(sent);
        }
        assertThat(client.subjects()).containsExactly(topic + "-value");
        assertThat(client.compatibility(null)).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThatThrownBy(() -> client.version("missing-value", "latest"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
    }

    @Test
    void schemasSurviveARestartOfTheRegistryAndOfTheBroker() throws Exception {
        int id1 = call("POST", "/subjects/a-value/versions", schemaBody(V1)).body().get("id").asInt();
        int id2 = call("POST", "/subjects/a-value/versions", schemaBody(V2_OK)).body().get("id").asInt();
        call("PUT", "/config/a-value", "{\"compatibility\":\"FULL\"}");

        registry.close();
        registry = RegistryServer.start(kafka.bootstrapServers(), "_schemas", "127.0.0.1", 0, Map.of());
        assertThat(call("GET", "/subjects/a-value/versions", null).body().toString()).isEqualTo("[1,2]");

        registry.close();
        registry = null;
        kafka.close();
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), kafkaPort, controllerPort, Map.of());
        registry = RegistryServer.start(kafka.bootstrapServers(), "_schemas", "127.0.0.1", 0, Map.of());

        assertThat(call("GET", "/subjects/a-value/versions/1", null).body().get("id").asInt()).isEqualTo(id1);
        assertThat(call("GET", "/subjects/a-value/versions/2", null).body().get("id").asInt()).isEqualTo(id2);
        assertThat(call("GET", "/config/a-value", null).body().get("compatibilityLevel").asText()).isEqualTo("FULL");
        // A new schema after the restart gets a fresh id, never one already handed out.
        String v3 = V2_OK.replace("]}", ",{\"name\":\"c\",\"type\":[\"null\",\"string\"],\"default\":null}]}");
        int id3 = call("POST", "/subjects/a-value/versions", schemaBody(v3)).body().get("id").asInt();
        assertThat(id3).isNotIn(id1, id2);
    }
}
