package eu.portalliance.topology;

import eu.portalliance.topology.query.AllianceStores;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * RocksDB options for the stores read mostly for keys they do not hold. Screening asks the intelligence store about
 * every container and bill of lading of a vessel call, and almost none is there; each miss searched the memtable's
 * skip list (RocksDB's SST files have Bloom filters, its memtable has none by default), the largest part of a call's
 * lookups. A whole-key Bloom filter on the memtable answers most misses without that search.
 */
public final class LookupStoreOptions implements RocksDBConfigSetter {
    private static final Set<String> LOOKUP_STORES = Set.of(AllianceStores.SCREENING_INTELLIGENCE);
    /** Of the write buffer (16 MiB in Kafka Streams): about 20 bits per key at its fullest, 330 KiB per store. */
    private static final double MEMTABLE_BLOOM_RATIO = 0.02;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        if (LOOKUP_STORES.contains(storeName)) {
            options.setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_RATIO);
            options.setMemtableWholeKeyFiltering(true);
        }
    }

    @Override
    public void close(String storeName, Options options) {
    }
}
