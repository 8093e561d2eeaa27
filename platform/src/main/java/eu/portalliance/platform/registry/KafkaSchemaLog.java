package eu.portalliance.platform.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.portalliance.platform.http.HttpExchanges;
import eu.portalliance.platform.kafka.TopicProvisioner;
import eu.portalliance.registry.CompatibilityLevel;
import eu.portalliance.registry.RegistryException;
import eu.portalliance.registry.RegistryState;
import eu.portalliance.registry.SchemaVersion;
import eu.portalliance.topics.TopicSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registry's state in a compacted Kafka topic, in Confluent Schema Registry's own record layout
 * (JSON keys with a keytype, JSON values), so the store survives restarts and could be read by Confluent's tools.
 * One writer at a time: the single-machine alliance runs one registry.
 */
final class KafkaSchemaLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaSchemaLog.class);

    private final String topic;
    private final KafkaProducer<String, String> producer;

    private KafkaSchemaLog(String topic, KafkaProducer<String, String> producer) {
        this.topic = topic;
        this.producer = producer;
    }

    /** Ensures the topic exists, replays it into {@code state}, and returns a log ready for writes. */
    static KafkaSchemaLog open(String bootstrap, String topic, RegistryState state, Map<String, Object> clientConfig) {
        createTopicIfMissing(bootstrap, topic, clientConfig);
        int replayed = replay(bootstrap, topic, state, clientConfig);
        Properties p = new Properties();
        p.putAll(clientConfig);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "alliance-registry");
        log.info("schema registry replayed {} records from {}", replayed, topic);
        return new KafkaSchemaLog(topic, new KafkaProducer<>(p, new StringSerializer(), new StringSerializer()));
    }

    void writeSchema(SchemaVersion v) {
        ObjectNode key = HttpExchanges.JSON.createObjectNode()
                .put("keytype", "SCHEMA").put("subject", v.subject()).put("version", v.version()).put("magic", 1);
        ObjectNode value = HttpExchanges.JSON.createObjectNode()
                .put("subject", v.subject()).put("version", v.version()).put("id", v.id())
                .put("schema", v.schema().toString()).put("deleted", false);
        write(key.toString(), value.toString());
    }

    void writeConfig(String subjectOrNull, CompatibilityLevel level) {
        ObjectNode key = HttpExchanges.JSON.createObjectNode().put("keytype", "CONFIG").put("magic", 0);
        key.put("subject", subjectOrNull);
        ObjectNode value = HttpExchanges.JSON.createObjectNode().put("compatibilityLevel", level.name());
        write(key.toString(), value.toString());
    }

    private void write(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, 0, key, value)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new RegistryException(500, RegistryException.STORE_ERROR,
                    "Error while storing the schema in Kafka topic " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(500, RegistryException.STORE_ERROR, "Interrupted while storing the schema", e);
        }
    }

    /** Created and led before it is read, so the replay never asks for a topic the broker does not serve yet. */
    private static void createTopicIfMissing(String bootstrap, String topic, Map<String, Object> clientConfig) {
        Properties p = new Properties();
        p.putAll(clientConfig);
        p.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(p)) {
            TopicProvisioner.ensure(admin, List.of(new TopicSpec(topic, 1,
                    Map.of("cleanup.policy", "compact", "min.insync.replicas", "1"))), (short) 1);
        }
    }

    private static int replay(String bootstrap, String topic, RegistryState state, Map<String, Object> clientConfig) {
        Properties p = new Properties();
        p.putAll(clientConfig);
        p.put("bootstrap.servers", bootstrap);
        p.put("enable.auto.commit", "false");
        p.put("isolation.level", "read_committed");
        int count = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(Set.of(tp));
            consumer.seekToBeginning(Set.of(tp));
            long end = consumer.endOffsets(Set.of(tp), Duration.ofSeconds(30)).get(tp);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (consumer.position(tp) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 60 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    apply(r.key(), r.value(), state);
                    count++;
                }
            }
        }
        return count;
    }

    private static void apply(String keyJson, String valueJson, RegistryState state) {
        try {
            JsonNode key = HttpExchanges.JSON.readTree(keyJson);
            if (valueJson == null) {
                return;
            }
            JsonNode value = HttpExchanges.JSON.readTree(valueJson);
            switch (key.path("keytype").asText()) {
                case "SCHEMA" -> {
                    if (!value.path("deleted").asBoolean(false)) {
                        state.apply(new SchemaVersion(value.path("subject").asText(), value.path("version").asInt(),
                                value.path("id").asInt(), RegistryState.parse(value.path("schema").asText())));
                    }
                }
                case "CONFIG" -> state.applyLevel(key.path("subject").isTextual() ? key.path("subject").asText() : null,
                        CompatibilityLevel.parse(value.path("compatibilityLevel").asText()));
                default -> log.debug("ignoring {} record in the schema log", key.path("keytype").asText());
            }
        } catch (Exception e) {
            // A record this version does not understand must not stop the registry from serving the rest.
            log.warn("skipping unreadable schema-log record {}: {}", keyJson, e.getMessage());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
