package eu.portalliance.topology;

import eu.portalliance.topology.query.AllianceStores;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * RocksDB options for the topology's stores.
 * <p>
 * <b>One memory budget for all of them.</b> Kafka Streams gives each RocksDB instance its own 50 MiB block cache and
 * up to three 16 MiB memtables. The topology has a dozen stores, window stores keep several segments, and every
 * partition has its own: off-heap memory grew with partitions and segments, unbounded and invisible to the heap
 * settings. Here every store of the JVM shares one block cache, and their memtables are charged to it, so the whole
 * of RocksDB stays within {@link #MEMORY_CONFIG} (default {@link #DEFAULT_MEMORY}).
 * <p>
 * <b>Lookup stores.</b> Screening asks the intelligence store about every container and bill of lading of a vessel
 * call, and almost none is there; each miss searched the memtable's skip list (RocksDB's SST files have Bloom filters,
 * its memtable has none by default), the largest part of a call's lookups. A whole-key Bloom filter on the memtable
 * answers most misses without that search.
 */
public final class StoreOptions implements RocksDBConfigSetter {
    /** Streams setting: bytes RocksDB may use off-heap in this JVM, block cache and memtables together. */
    public static final String MEMORY_CONFIG = "alliance.rocksdb.memory.bytes";
    public static final long DEFAULT_MEMORY = 128L << 20;
    /** Of the budget, what memtables may take before RocksDB flushes them; the rest caches blocks. */
    private static final double MEMTABLE_SHARE = 0.5;
    /** Index and filter blocks are kept in the cache's high-priority pool so data blocks do not evict them. */
    private static final double HIGH_PRIORITY_SHARE = 0.1;

    private static final Set<String> LOOKUP_STORES = Set.of(AllianceStores.SCREENING_INTELLIGENCE);
    /** Of the write buffer (16 MiB in Kafka Streams): about 20 bits per key at its fullest, 330 KiB per store. */
    private static final double MEMTABLE_BLOOM_RATIO = 0.02;

    /** Shared by every store the JVM opens; created with the first store and never closed, like the JVM's heap. */
    private static Shared shared;

    private record Shared(long bytes, Cache cache, WriteBufferManager memtables) {
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared memory = shared(budget(configs));
        // Kafka Streams hands over its own table config, whose cache it reports in its metrics: keep that object.
        BlockBasedTableConfig table = options.tableFormatConfig() instanceof BlockBasedTableConfig given
                ? given : new BlockBasedTableConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(memory.memtables());
        if (LOOKUP_STORES.contains(storeName)) {
            options.setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_RATIO);
            options.setMemtableWholeKeyFiltering(true);
        }
    }

    /** The budget every store of this JVM shares: the first store's setting (one topology per JVM, as deployed). */
    static synchronized Shared shared(long bytes) {
        if (shared == null) {
            Cache cache = new LRUCache(bytes, -1, false, HIGH_PRIORITY_SHARE);
            shared = new Shared(bytes, cache, new WriteBufferManager((long) (bytes * MEMTABLE_SHARE), cache));
        }
        return shared;
    }

    static long budget(Map<String, Object> configs) {
        Object value = configs.get(MEMORY_CONFIG);
        if (value == null) {
            return DEFAULT_MEMORY;
        }
        try {
            long bytes = Long.parseLong(value.toString().trim());
            if (bytes >= 8L << 20) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below, with what to do
        }
        throw new IllegalArgumentException(MEMORY_CONFIG + " is '" + value + "': give RocksDB's memory budget in bytes, "
                + "at least 8388608 (8 MiB)");
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared: closing them with one store would pull them from the rest.
    }
}
