package eu.portalliance.platform.kafka;

import eu.portalliance.avro.PortInfo;
import eu.portalliance.avro.RiskOrigin;
import eu.portalliance.avro.ScreeningProfile;
import eu.portalliance.topology.screening.ScreeningProfiles;
import eu.portalliance.reference.KnownPorts;
import eu.portalliance.reference.KnownRiskOrigins;
import eu.portalliance.registry.SchemaRegistryClient;
import eu.portalliance.topics.Topic;
import eu.portalliance.topics.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills empty reference topics with the founding ports, the starting risk-origin list and the first screening profile;
 * never overwrites.
 */
public final class ReferenceSeeder {
    private static final Logger log = LoggerFactory.getLogger(ReferenceSeeder.class);

    private ReferenceSeeder() {
    }

    public static void seedIfEmpty(String bootstrap, SchemaRegistryClient registry, Map<String, Object> clientConfig) {
        Topic<String, PortInfo> ports = Topics.portsTopic(registry);
        Topic<String, RiskOrigin> risks = Topics.riskOriginsTopic(registry);
        if (isEmpty(bootstrap, ports.name(), clientConfig)) {
            try (KafkaProducer<String, PortInfo> producer = producer(bootstrap, ports, clientConfig)) {
                for (KnownPorts.Port p : KnownPorts.ALLIANCE) {
                    send(producer, new ProducerRecord<>(ports.name(), p.locode(), p.toAvro()));
                }
                for (KnownPorts.Port p : KnownPorts.ORIGINS) {
                    send(producer, new ProducerRecord<>(ports.name(), p.locode(), p.toAvro()));
                }
            }
            log.info("seeded {} with {} ports", ports.name(), KnownPorts.ALLIANCE.size() + KnownPorts.ORIGINS.size());
        }
        if (isEmpty(bootstrap, risks.name(), clientConfig)) {
            try (KafkaProducer<String, RiskOrigin> producer = producer(bootstrap, risks, clientConfig)) {
                for (RiskOrigin r : KnownRiskOrigins.all()) {
                    // The record time is the listing's validFrom: the topology versions the list by it.
                    send(producer, new ProducerRecord<>(risks.name(), null, r.getValidFrom().toEpochMilli(), r.getCode(), r));
                }
            }
            log.info("seeded {} with {} risk origins", risks.name(), KnownRiskOrigins.all().size());
        }
        Topic<String, ScreeningProfile> profiles = Topics.screeningProfileTopic(registry);
        if (isEmpty(bootstrap, profiles.name(), clientConfig)) {
            ScreeningProfile initial = ScreeningProfiles.initial();
            try (KafkaProducer<String, ScreeningProfile> producer = producer(bootstrap, profiles, clientConfig)) {
                send(producer, new ProducerRecord<>(profiles.name(), Integer.toString(initial.getVersion()), initial));
            }
            log.info("seeded {} with screening profile version {}", profiles.name(), initial.getVersion());
        }
    }

    private static <V> KafkaProducer<String, V> producer(String bootstrap, Topic<String, V> topic, Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.putAll(Map.of("bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", true));
        return new KafkaProducer<>(config, topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private static <V> void send(KafkaProducer<String, V> producer, ProducerRecord<String, V> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write reference data to " + record.topic() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing reference data", e);
        }
    }

    private static boolean isEmpty(String bootstrap, String topic, Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put("bootstrap.servers", bootstrap);
        TopicPartition tp = new TopicPartition(topic, 0);
        try (Admin admin = Admin.create(config)) {
            return admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get(30, TimeUnit.SECONDS).offset() == 0L;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end of " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the end of " + topic, e);
        }
    }
}
