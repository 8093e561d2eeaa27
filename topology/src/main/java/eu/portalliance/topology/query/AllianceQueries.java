package eu.portalliance.topology.query;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.RulePrecision;
import eu.portalliance.topology.AllianceConfig;
import eu.portalliance.topology.avro.SightingSet;
import eu.portalliance.topology.avro.RouteWindow;
import eu.portalliance.topology.avro.ScoreboardRow;
import eu.portalliance.topology.avro.Sighting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.query.WindowKeyQuery;
import org.apache.kafka.streams.query.WindowRangeQuery;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * What can be asked of the topology's state, in the alliance's own terms: an entity's sightings, an alert, route
 * windows, rule precision. It hides store names, key encodings and internal records from callers (the analyst API).
 * Keyed answers come from this instance's active partitions; {@link #ownerOf} says which instance to ask instead, and
 * {@link #peers} which others hold partitions of the scanned stores. Queries retry while partitions move.
 */
public final class AllianceQueries {
    /** The state is moving (a rebalance, a restore): ask again shortly. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }

    private static final Duration RETRY_FOR = Duration.ofSeconds(10);
    private final KafkaStreams streams;
    private final HostInfo self;
    private final Duration history;
    private final int maxSightings;

    /**
     * @param self where this instance's API is reached, as its {@code application.server} says
     * @param history how far back from an entity's latest sighting its history is shown (the window plus grace)
     * @param maxSightings the most sightings shown per entity, the latest ones
     */
    public AllianceQueries(KafkaStreams streams, HostInfo self, Duration history, int maxSightings) {
        this.streams = streams;
        this.self = self;
        this.history = history;
        this.maxSightings = maxSightings;
    }

    /** Queries over a running instance built from {@code config}. */
    public static AllianceQueries of(KafkaStreams streams, HostInfo self, AllianceConfig config) {
        return new AllianceQueries(streams, self, config.entityWindow().plus(config.entityGrace()), config.maxSightingsPerEntity());
    }

    /** The instance whose active task holds {@code entity}, when it is another one. */
    public Optional<HostInfo> ownerOf(EntityRef entity) {
        return remoteOwner(AllianceStores.ENTITY_SIGHTINGS, entity.storeKey());
    }

    /** The instance whose active task holds alert {@code alertId}, when it is another one. */
    public Optional<HostInfo> ownerOfAlert(String alertId) {
        return remoteOwner(AllianceStores.ALERTS, alertId);
    }

    /** Every other running instance: a scan asks each for its own active partitions. */
    public List<HostInfo> peers() {
        return streams.metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo)
                .filter(h -> !h.equals(self) && !h.equals(HostInfo.unavailable())).distinct().toList();
    }

    /** The entity's recent sightings, oldest first, if this instance holds it and has seen it. */
    public Optional<EntitySightings> sightings(EntityRef entity) {
        List<Sighting> all = new ArrayList<>();
        // The sightings rules pair and the routine ones are kept apart (EntityRef.routineKey); the analyst sees them together.
        for (String stored : List.of(entity.storeKey(), EntityRef.routineKey(entity.storeKey()))) {
            for (SightingSet set : this.<SightingSet>localTimeline(AllianceStores.ENTITY_SIGHTINGS, entity.storeKey(), stored)) {
                all.addAll(set.getSightings());
            }
        }
        all.sort(Comparator.comparing(Sighting::getEventTime));
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Instant since = all.get(all.size() - 1).getEventTime().minus(history);
        List<Sighting> recent = all.stream().filter(s -> !s.getEventTime().isBefore(since)).toList();
        return Optional.of(EntitySightings.of(entity, recent.subList(Math.max(0, recent.size() - maxSightings), recent.size())
                .stream().map(AllianceQueries::view).toList()));
    }

    public Optional<Alert> alert(String alertId) {
        return get(AllianceStores.ALERTS, alertId);
    }

    /** Every alert in this instance's active partitions. */
    public List<Alert> localAlerts() {
        List<Alert> out = new ArrayList<>();
        this.<Alert>localAll(AllianceStores.ALERTS).forEach(kv -> out.add(kv.value));
        return out;
    }

    /** Rule precision per rule version, from this instance's active partitions. */
    public List<RulePrecision> localRulePrecision() {
        List<RulePrecision> out = new ArrayList<>();
        this.<RulePrecision>localAll(AllianceStores.RULE_PRECISION).forEach(kv -> out.add(kv.value));
        return out;
    }

    /** The scoreboard's rows (week, origin, port) in this instance's active partitions. */
    public List<ScoreboardView.Row> localScoreboard() {
        List<ScoreboardView.Row> out = new ArrayList<>();
        this.<ScoreboardRow>localAll(AllianceStores.SCOREBOARD).forEach(kv -> out.add(ScoreboardView.Row.of(kv.value)));
        return out;
    }

    /** Route windows that start in [from, to], from this instance's active partitions. */
    public List<RouteWeek> localRouteWeeks(Instant from, Instant to) {
        List<RouteWeek> out = new ArrayList<>();
        for (KeyValue<Windowed<String>, RouteWindow> kv : this.<RouteWindow>localWindows(AllianceStores.ROUTE_WINDOWS, from, to)) {
            out.add(new RouteWeek(EntityRef.fromStoreKey(kv.key.key()).id(), Instant.ofEpochMilli(kv.key.window().start()),
                    kv.value.getCount(), kv.value.getKilograms()));
        }
        return out;
    }

    private static SightingView view(Sighting s) {
        return new SightingView(s.getEventId(), s.getKind().name(), s.getPort(), s.getEventTime(), s.getHandlingCode().name(),
                s.getKilograms(), s.getDrugType() == null ? null : s.getDrugType().name(),
                s.getIndicators().stream().map(Enum::name).toList(), s.getRouteCodes().isEmpty() ? null : s.getRouteCodes().get(0),
                s.getRouteCodes(), s.getContainerNumber());
    }

    private Optional<HostInfo> remoteOwner(String store, String key) {
        KeyQueryMetadata meta = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (meta == null || meta.activeHost() == null || meta.activeHost().equals(HostInfo.unavailable())
                || meta.activeHost().equals(self)) {
            return Optional.empty();
        }
        return Optional.of(meta.activeHost());
    }

    private <V> Optional<V> get(String store, String key) {
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

    private <V> List<KeyValue<String, V>> localAll(String store) {
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

    /**
     * One key's entries in a time-indexed store, oldest first, from whichever of this instance's partitions holds it.
     *
     * @param partitionKey the key the store's records are partitioned by; {@code key} may be one derived from it
     */
    private <V> List<V> localTimeline(String store, String partitionKey, String key) {
        KeyQueryMetadata meta = streams.queryMetadataForKey(store, partitionKey, Serdes.String().serializer());
        int partition = meta == null ? -1 : meta.partition();
        return retrying(() -> {
            StateQueryRequest<WindowStoreIterator<V>> request = StateQueryRequest.inStore(store)
                    .withQuery(WindowKeyQuery.<String, V>withKeyAndWindowStartRange(key, Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE)))
                    .requireActive();
            if (partition >= 0) {
                request = request.withPartitions(Set.of(partition));
            }
            List<V> out = new ArrayList<>();
            for (QueryResult<WindowStoreIterator<V>> r : streams.query(request).getPartitionResults().values()) {
                failIfMoving(r);
                if (r.isSuccess()) {
                    try (WindowStoreIterator<V> it = r.getResult()) {
                        it.forEachRemaining(kv -> out.add(unwrap(kv.value)));
                    }
                }
            }
            return out;
        });
    }

    private <V> List<KeyValue<Windowed<String>, V>> localWindows(String store, Instant from, Instant to) {
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

    private <T> T retrying(Supplier<T> query) {
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        while (true) {
            try {
                if (!streams.state().isRunningOrRebalancing()) {
                    throw new Unavailable("the topology is " + streams.state());
                }
                return query.get();
            } catch (Unavailable | InvalidStateStoreException e) {
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
