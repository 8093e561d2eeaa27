package eu.portalliance.topology.routing;

import eu.portalliance.avro.Alert;
import eu.portalliance.registry.SchemaRegistryClient;
import eu.portalliance.serde.WireFormat;
import eu.portalliance.topology.avro.Delivery;
import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/**
 * Writes a delivery as the plain Alert its recipient reads, to the recipient's own topic. An alert goes unchanged to
 * most of its recipients one after another: it is written once and its bytes reused, with the schema id the
 * recipient's subject has (alerts are never changed once made; a redacted copy is another object).
 */
public final class DeliveredAlertSerializer implements Serializer<Delivery> {
    private final Serializer<Alert> alerts;
    private final SchemaRegistryClient registry;
    /** Shared by every stream thread: an immutable pair, replaced whole. */
    private volatile Written last;

    private record Written(Alert alert, byte[] bytes) {
    }

    public DeliveredAlertSerializer(Serializer<Alert> alerts, SchemaRegistryClient registry) {
        this.alerts = alerts;
        this.registry = registry;
    }

    @Override
    public byte[] serialize(String topic, Delivery delivery) {
        if (delivery == null) {
            return null;
        }
        Alert alert = delivery.getAlert();
        Written previous = last;
        if (previous != null && previous.alert() == alert) {
            int id = registry.register(WireFormat.subject(topic, false), alert.getSchema());
            byte[] bytes = previous.bytes().clone();
            ByteBuffer.wrap(bytes, 1, 4).putInt(id);
            return bytes;
        }
        byte[] bytes = alerts.serialize(topic, alert);
        last = new Written(alert, bytes);
        return bytes;
    }

    /** The recipient's topic, chosen per record. */
    public static final class RecipientTopic implements TopicNameExtractor<String, Delivery> {
        @Override
        public String extract(String key, Delivery delivery, RecordContext context) {
            return delivery.getTopic();
        }
    }
}
