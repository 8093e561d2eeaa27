package eu.portalliance.topology.query;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.RulePrecision;
import eu.portalliance.topology.avro.EntityHistory;
import eu.portalliance.topology.avro.RouteWindow;
import eu.portalliance.topology.avro.Sighting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.apache.kafka.streams.query.WindowRangeQuery;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
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

    /** @param self where this instance's API is reached, as its {@code application.server} says */
    public AllianceQueries(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    /** The instance whose active task holds {@code entity}, when it is another one. */
    public Optional<HostInfo> ownerOf(EntityRef entity) {
        return remoteOwner(AllianceStores.ENTITY_HISTORIES, entity.storeKey());
    }

    /** The instance whose active task holds alert {@code alertId}, when it is another one. */
    public Optional<HostInfo> ownerOfAlert(String alertId) {
        return remoteOwner(AllianceStores.ALERT_INDEX, alertId);
    }

    /** Every other instance holding partitions of the topology's stores: what a scan must also ask. */
    public List<HostInfo> peers() {
        return streams.streamsMetadataForStore(AllianceStores.ALERT_INDEX).stream().map(StreamsMetadata::hostInfo)
                .filter(h -> !h.equals(self) && !h.equals(HostInfo.unavailable())).distinct().toList();
    }

    /** The entity's recent sightings, if this instance holds it and has seen it. */
    public Optional<EntitySightings> sightings(EntityRef entity) {
        Optional<EntityHistory> history = get(AllianceStores.ENTITY_HISTORIES, entity.storeKey());
        return history.map(h -> EntitySightings.of(entity, h.getSightings().stream().map(AllianceQueries::view).toList()));
    }

    public Optional<Alert> alert(String alertId) {
        return get(AllianceStores.ALERT_INDEX, alertId);
    }

    /** Every alert in this instance's active partitions. */
    public List<Alert> localAlerts() {
        List<Alert> out = new ArrayList<>();
        this.<Alert>localAll(AllianceStores.ALERT_INDEX).forEach(kv -> out.add(kv.value));
        return out;
    }

    /** Rule precision per rule version, from this instance's active partitions. */
    public List<RulePrecision> localRulePrecision() {
        List<RulePrecision> out = new ArrayList<>();
        this.<RulePrecision>localAll(AllianceStores.RULE_PRECISION).forEach(kv -> out.add(kv.value));
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
                s.getKilograms(), s.getDrugType(), s.getIndicators().stream().map(Enum::name).toList(), s.getOriginPort(),
                s.getRouteCodes(), s.getContainerNumber(), s.getBillOfLading(), s.getVesselImo());
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
