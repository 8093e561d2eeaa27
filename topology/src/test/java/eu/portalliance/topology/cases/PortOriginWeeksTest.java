package eu.portalliance.topology.cases;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.registry.InMemorySchemaRegistry;
import eu.portalliance.serde.AvroSerde;
import eu.portalliance.topology.avro.OriginWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PortOriginWeeksTest {
    static final long WEEK = Duration.ofDays(7).toMillis();
    private KeyValueStore<String, OriginWeek> store;
    private PortOriginWeeks origins;

    @BeforeEach
    void open() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("port-origin-weeks"), Serdes.String(),
                AvroSerde.value(new InMemorySchemaRegistry(), OriginWeek.class)).withLoggingDisabled().withCachingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        origins = new PortOriginWeeks(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void eachContainerWritesOnlyItsOwnWeek() {
        for (int w = 0; w < 5; w++) {
            origins.count("NLRTM", List.of("ECGYE"), w * WEEK + 10);
        }
        origins.count("NLRTM", List.of("CNSHA"), 4 * WEEK + 20);
        assertThat(keys()).hasSize(5);
        assertThat(store.get(PortOriginWeeks.key("NLRTM", 4 * WEEK)).getCounts()).containsEntry("EC", 1).containsEntry("CN", 1)
                .containsEntry(OriginMix.CONTAINERS, 2);
        assertThat(store.get(PortOriginWeeks.key("NLRTM", 3 * WEEK)).getCounts()).containsEntry(OriginMix.CONTAINERS, 1);
    }

    @Test
    void sharesOverThirteenCompleteWeeksBeforeLastWeekOfThatPortOnly() {
        for (int i = 0; i < 3; i++) {
            origins.count("NLRTM", List.of("ECGYE"), i * WEEK);
        }
        origins.count("NLRTM", List.of("ECPSJ"), 3 * WEEK);
        origins.count("NLRTM", List.of("CNSHA"), 3 * WEEK + 1);
        origins.count("BEANR", List.of("CNSHA"), 3 * WEEK + 1);
        assertThat(origins.share("NLRTM", "ECGYE", 5 * WEEK)).hasValue(0.8);
        assertThat(origins.share("NLRTM", "CN", 5 * WEEK)).hasValue(0.2);
        assertThat(origins.share("BEANR", "CN", 5 * WEEK)).hasValue(1.0);
        assertThat(origins.share("DEHAM", "EC", 5 * WEEK)).as("no baseline").isEmpty();
        assertThat(origins.share("NLRTM", "EC", 0)).as("nothing before last week").isEmpty();
    }

    @Test
    void theCurrentAndTheLastWeekDoNotCountYetSoLateArrivalsChangeNothing() {
        origins.count("NLRTM", List.of("ECGYE"), 0);
        var before = origins.share("NLRTM", "EC", 2 * WEEK + 5);
        origins.count("NLRTM", List.of("CNSHA"), WEEK + 3);
        origins.count("NLRTM", List.of("CNSHA"), 2 * WEEK + 1);
        assertThat(origins.share("NLRTM", "EC", 2 * WEEK + 5)).isEqualTo(before).hasValue(1.0);
    }

    @Test
    void weeksOlderThanTheSpanLeaveWhenANewerWeekStarts() {
        origins.count("NLRTM", List.of("ECGYE"), 0);
        origins.count("NLRTM", List.of("ECGYE"), 2 * WEEK);
        origins.count("BEANR", List.of("ECGYE"), 0);
        origins.count("NLRTM", List.of("CNSHA"), 16 * WEEK);
        assertThat(keys()).as("week 0 is more than 14 weeks before week 16; week 2 is not; another port's weeks stay")
                .containsExactly(PortOriginWeeks.key("BEANR", 0), PortOriginWeeks.key("NLRTM", 2 * WEEK),
                        PortOriginWeeks.key("NLRTM", 16 * WEEK));
        assertThat(origins.share("NLRTM", "EC", 15 * WEEK)).as("week 2 still counts").hasValue(1.0);
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, OriginWeek> it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }
}
