package eu.portalliance.topics;

import org.apache.kafka.common.serialization.Serde;

/** A topic with the serdes of its keys and values, so no caller pairs a name with the wrong types. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
}
