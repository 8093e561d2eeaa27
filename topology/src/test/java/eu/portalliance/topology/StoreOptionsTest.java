package eu.portalliance.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.portalliance.topology.query.AllianceStores;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;

class StoreOptionsTest {
    @Test
    void theIntelligenceStoreGetsAMemtableBloomFilterAndNoOtherStoreDoes() {
        try (Options intelligence = new Options(); Options sightings = new Options()) {
            new StoreOptions().setConfig(AllianceStores.SCREENING_INTELLIGENCE, intelligence, Map.of());
            new StoreOptions().setConfig(AllianceStores.ENTITY_SIGHTINGS, sightings, Map.of());

            assertThat(intelligence.memtableWholeKeyFiltering()).isTrue();
            assertThat(intelligence.memtablePrefixBloomSizeRatio()).isPositive();
            assertThat(sightings.memtableWholeKeyFiltering()).isFalse();
            assertThat(sightings.memtablePrefixBloomSizeRatio()).isZero();
        }
    }

    /** Charged to a shared write-buffer manager, a store being written flushed while idle ones kept their memtables. */
    @Test
    void memtablesAreNotChargedToTheSharedCache() {
        try (Options one = new Options()) {
            new StoreOptions().setConfig(AllianceStores.ENTITY_SIGHTINGS, one, Map.of());

            assertThat(one.writeBufferManager()).isNull();
        }
    }

    /** What Kafka Streams itself reports of the stores it opened: one cache of the budget's size, not one per store. */
    @Test
    void storesOpenedByKafkaStreamsReportTheSharedCache(@TempDir Path state) {
        StreamsBuilder builder = new StreamsBuilder();
        List<String> names = List.of("first-store", "second-store");
        names.forEach(n -> builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(n),
                Serdes.String(), Serdes.String())));
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new Processor<String, String, Void, Void>() {
                    private List<KeyValueStore<String, String>> stores;

                    @Override
                    public void init(org.apache.kafka.streams.processor.api.ProcessorContext<Void, Void> context) {
                        stores = names.stream().map(n -> context.<KeyValueStore<String, String>>getStateStore(n)).toList();
                    }

                    @Override
                    public void process(Record<String, String> record) {
                        stores.forEach(s -> s.put(record.key(), record.value()));
                    }
                }, names.toArray(String[]::new));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "store-options");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, StoreOptions.class);
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer()).pipeInput("k", "v");

            for (String name : names) {
                Object capacity = driver.metrics().entrySet().stream()
                        .filter(m -> m.getKey().name().equals("block-cache-capacity")
                                && name.equals(m.getKey().tags().get("rocksdb-state-id")))
                        .findFirst().orElseThrow(() -> new AssertionError("no block-cache-capacity metric for " + name))
                        .getValue().metricValue();
                assertThat(((Number) capacity).longValue()).as(name).isEqualTo(StoreOptions.DEFAULT_CACHE);
            }
        }
    }

    @Test
    void aCacheSizeThatIsNoNumberOrTooSmallIsRefusedWithWhatToDo() {
        assertThat(StoreOptions.cacheBytes(Map.of())).isEqualTo(StoreOptions.DEFAULT_CACHE);
        assertThat(StoreOptions.cacheBytes(Map.of(StoreOptions.CACHE_CONFIG, "268435456"))).isEqualTo(268_435_456L);
        assertThatThrownBy(() -> StoreOptions.cacheBytes(Map.of(StoreOptions.CACHE_CONFIG, "lots")))
                .hasMessageContaining("alliance.rocksdb.block.cache.bytes is 'lots'").hasMessageContaining("in bytes");
        assertThatThrownBy(() -> StoreOptions.cacheBytes(Map.of(StoreOptions.CACHE_CONFIG, "1024")))
                .hasMessageContaining("at least 8388608");
    }
}
