package eu.portalliance.topology.routing;

import eu.portalliance.avro.Alert;
import eu.portalliance.topology.avro.Delivery;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/** Writes a delivery as the plain Alert its recipient reads, to the recipient's own topic. */
public final class DeliveredAlertSerializer implements Serializer<Delivery> {
    private final Serializer<Alert> alerts;

    public DeliveredAlertSerializer(Serializer<Alert> alerts) {
        this.alerts = alerts;
    }

    @Override
    public byte[] serialize(String topic, Delivery delivery) {
        return delivery == null ? null : alerts.serialize(topic, delivery.getAlert());
    }

    /** The recipient's topic, chosen per record. */
    public static final class RecipientTopic implements TopicNameExtractor<String, Delivery> {
        @Override
        public String extract(String key, Delivery delivery, RecordContext context) {
            return delivery.getTopic();
        }
    }
}
