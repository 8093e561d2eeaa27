package eu.portalliance.serde;

import eu.portalliance.registry.SchemaRegistryClient;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.avro.specific.SpecificRecord;

/** A Kafka Serde for one SpecificRecord class in the Confluent wire format. */
public final class AvroSerde<T extends SpecificRecord> extends Serdes.WrapperSerde<T> {
    public AvroSerde(SchemaRegistryClient registry, Class<T> type, boolean isKey, boolean autoRegister) {
        super(new AvroSerializer<>(registry, isKey, autoRegister), new AvroDeserializer<>(registry, type));
    }

    public static <T extends SpecificRecord> AvroSerde<T> value(SchemaRegistryClient registry, Class<T> type) {
        return new AvroSerde<>(registry, type, false, true);
    }
}
