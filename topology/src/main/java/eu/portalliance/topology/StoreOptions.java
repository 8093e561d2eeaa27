package eu.portalliance.topology;

import eu.portalliance.topology.query.AllianceStores;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;

/**
 * RocksDB options for the topology's stores.
 * <p>
 * <b>One block cache for all of them.</b> Kafka Streams gives each RocksDB instance its own 50 MiB block cache. The
 * topology has a dozen stores, window stores keep several segments, and every partition has its own: the cache's
 * share of off-heap memory grew with partitions and segments, unseen by the heap settings. Here every store of the
 * JVM shares one cache of {@link #CACHE_CONFIG} bytes (default {@link #DEFAULT_CACHE}), index and filter blocks
 * included. Memtables are not charged to it: RocksDB's write-buffer manager makes the store being written flush when
 * the total is reached, while idle stores keep theirs, and in the bench a fresh topology beside an idle one flushed
 * almost on every write (5,000 routine flags ran at 66 to 156 events/s instead of 594 to 779).
 * <p>
 * <b>Lookup stores.</b> Screening asks the intelligence store about every container and bill of lading of a vessel
 * call, and almost none is there; each miss searched the memtable's skip list (RocksDB's SST files have Bloom filters,
 * its memtable has none by default), the largest part of a call's lookups. A whole-key Bloom filter on the memtable
 * answers most misses without that search.
 */
public final class StoreOptions implements RocksDBConfigSetter {
    /** Streams setting: bytes of the block cache every store of this JVM shares. */
    public static final String CACHE_CONFIG = "alliance.rocksdb.block.cache.bytes";
    public static final long DEFAULT_CACHE = 128L << 20;
    /** Index and filter blocks are kept in the cache's high-priority pool so data blocks do not evict them. */
    private static final double HIGH_PRIORITY_SHARE = 0.1;

    private static final Set<String> LOOKUP_STORES = Set.of(AllianceStores.SCREENING_INTELLIGENCE);
    /** Of the write buffer (16 MiB in Kafka Streams): about 20 bits per key at its fullest, 330 KiB per store. */
    private static final double MEMTABLE_BLOOM_RATIO = 0.02;

    /** Shared by every store the JVM opens; created with the first store and never closed, like the JVM's heap. */
    private static Cache shared;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Cache cache = shared(cacheBytes(configs));
        // Kafka Streams hands over its own table config, whose cache it reports in its metrics: keep that object.
        BlockBasedTableConfig table = options.tableFormatConfig() instanceof BlockBasedTableConfig given
                ? given : new BlockBasedTableConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        if (LOOKUP_STORES.contains(storeName)) {
            options.setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_RATIO);
            options.setMemtableWholeKeyFiltering(true);
        }
    }

    /** The cache every store of this JVM shares: the first store's setting (one topology per JVM, as deployed). */
    static synchronized Cache shared(long bytes) {
        if (shared == null) {
            shared = new LRUCache(bytes, -1, false, HIGH_PRIORITY_SHARE);
        }
        return shared;
    }

    /**
     * The cache size a Streams configuration asks for. A bad value would fail every stream thread as it opens its first
     * store, so {@link AllianceStreams#start} asks this before it starts.
     *
     * @throws IllegalArgumentException saying what is wrong and what to give instead
     */
    public static long cacheBytes(Map<?, ?> configs) {
        Object value = configs.get(CACHE_CONFIG);
        if (value == null) {
            return DEFAULT_CACHE;
        }
        try {
            long bytes = Long.parseLong(value.toString().trim());
            if (bytes >= 8L << 20) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below, with what to do
        }
        throw new IllegalArgumentException(CACHE_CONFIG + " is '" + value + "': give the size of RocksDB's shared block "
                + "cache in bytes, at least 8388608 (8 MiB)");
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache is shared: closing it with one store would pull it from the rest.
    }
}
