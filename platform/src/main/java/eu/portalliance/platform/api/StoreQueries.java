package eu.portalliance.platform.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.query.WindowRangeQuery;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Interactive queries (IQv2) over the topology's stores on this instance, with the routing facts a multi-instance
 * API needs: who owns a key, who else serves a store. Queries retry while partitions move in a rebalance.
 */
public final class StoreQueries {
    /** The stores are moving (a rebalance, a restore): ask again shortly. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    private static final Duration RETRY_FOR = Duration.ofSeconds(10);
    private final KafkaStreams streams;
    private final HostInfo self;

    public StoreQueries(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    /** The instance whose active task holds {@code key}, or empty when it is this one (or no one knows yet). */
    public Optional<HostInfo> remoteOwner(String store, String key) {
        KeyQueryMetadata meta = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (meta == null || meta.activeHost() == null || meta.activeHost().equals(HostInfo.unavailable())
                || meta.activeHost().equals(self)) {
            return Optional.empty();
        }
        return Optional.of(meta.activeHost());
    }

    /** Every other instance serving {@code store}. */
    public List<HostInfo> peers(String store) {
        return streams.streamsMetadataForStore(store).stream().map(StreamsMetadata::hostInfo)
                .filter(h -> !h.equals(self) && !h.equals(HostInfo.unavailable())).distinct().toList();
    }

    public <V> Optional<V> get(String store, String key) {
        KeyQueryMetadata meta = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        int partition = meta == null ? -1 : meta.partition();
        return retrying(() -> {
            StateQueryRequest<V> request = StateQueryRequest.inStore(store).withQuery(KeyQuery.<String, V>withKey(key)).requireActive();
            if (partition >= 0) {
                request = request.withPartitions(Set.of(partition));
            }
            StateQueryResult<V> result = streams.query(request);
            for (QueryResult<V> r : result.getPartitionResults().values()) {
                failIfMoving(r);
                if (r.isSuccess() && r.getResult() != null) {
                    return Optional.of(unwrap(r.getResult()));
                }
            }
            return Optional.<V>empty();
        });
    }

    /** Every value in this instance's active partitions of a key-value store. */
    public <V> List<KeyValue<String, V>> localAll(String store) {
        return retrying(() -> {
            StateQueryResult<KeyValueIterator<String, V>> result = streams.query(StateQueryRequest.inStore(store)
                    .withQuery(RangeQuery.<String, V>withNoBounds()).requireActive());
            List<KeyValue<String, V>> out = new ArrayList<>();
            for (QueryResult<KeyValueIterator<String, V>> r : result.getPartitionResults().values()) {
                if (!r.isSuccess()) {
                    continue;
                }
                try (KeyValueIterator<String, V> it = r.getResult()) {
                    it.forEachRemaining(kv -> out.add(KeyValue.pair(kv.key, unwrap(kv.value))));
                }
            }
            return out;
        });
    }

    /** Every window starting in [from, to] in this instance's active partitions of a window store. */
    public <V> List<KeyValue<Windowed<String>, V>> localWindows(String store, Instant from, Instant to) {
        return retrying(() -> {
            StateQueryResult<KeyValueIterator<Windowed<String>, V>> result = streams.query(StateQueryRequest.inStore(store)
                    .withQuery(WindowRangeQuery.<String, V>withWindowStartRange(from, to)).requireActive());
            List<KeyValue<Windowed<String>, V>> out = new ArrayList<>();
            for (QueryResult<KeyValueIterator<Windowed<String>, V>> r : result.getPartitionResults().values()) {
                if (!r.isSuccess()) {
                    continue;
                }
                try (KeyValueIterator<Windowed<String>, V> it = r.getResult()) {
                    it.forEachRemaining(kv -> out.add(KeyValue.pair(kv.key, unwrap(kv.value))));
                }
            }
            return out;
        });
    }

    private static void failIfMoving(QueryResult<?> r) {
        if (r.isFailure()) {
            switch (r.getFailureReason()) {
                case NOT_ACTIVE, NOT_PRESENT, NOT_UP_TO_BOUND -> throw new Unavailable(r.getFailureMessage());
                default -> throw new IllegalStateException(r.getFailureReason() + ": " + r.getFailureMessage());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> V unwrap(Object v) {
        return v instanceof ValueAndTimestamp<?> vt ? (V) vt.value() : (V) v;
    }

    private <T> T retrying(java.util.function.Supplier<T> query) {
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        while (true) {
            try {
                if (!streams.state().isRunningOrRebalancing()) {
                    throw new Unavailable("the topology is " + streams.state());
                }
                return query.get();
            } catch (Unavailable | org.apache.kafka.streams.errors.InvalidStateStoreException e) {
                if (System.nanoTime() > deadline) {
                    throw new Unavailable("stores are rebalancing (" + e.getMessage() + "): try again in a few seconds");
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new Unavailable("interrupted");
                }
            }
        }
    }

}
