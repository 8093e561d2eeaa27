package eu.portalliance.topology;

import eu.portalliance.topology.ingest.DeadLetters;
import eu.portalliance.topology.ingest.EventTimeExtractor;
import eu.portalliance.topology.ingest.RejectCounter;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The StreamsConfig that goes with {@link AllianceTopology}. */
public final class AllianceStreamsConfig {
    private AllianceStreamsConfig() {
    }

    public static Properties streamsConfig(AllianceConfig config, RejectCounter rejects) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // An alert crosses two transactions (the sightings repartition, then the alerts topic): it waits about two
        // commit intervals. At 50 ms rather than exactly-once's 100, event → alert at 300 events/s took p50 169 and
        // 177 ms against 237 and 248 (bench, alternated); throughput and backtest were 5-10 % lower, within the runs'
        // spread. A replay that wants throughput alone can set more (topology --config commit.interval.ms=…). 25 ms
        // took about 20 ms off p50 at 300 events/s but nothing reliable at 2,000 (p50 124, 228 and 582 ms against
        // 154, 337 and 138; alternated), where its commits cost about 5 % of throughput.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 50);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.replicationFactor());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
        // The main consumer alone: the restore and global consumers belong to no group. Kafka Streams adds the
        // thread's number.
        config.instanceId().ifPresent(id -> p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), id));
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        p.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, EventTimeExtractor.class);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetters.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetters.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(RejectCounter.CONFIG_KEY, rejects);
        // New ports' topics are picked up by pattern; look for them every 30 s rather than every 5 min.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.METADATA_MAX_AGE_CONFIG), 30_000);
        // Linger is not set and stays Kafka Streams' 100 ms, so batches leave at each commit's flush: 5 ms sent more,
        // smaller requests and cost the broker's and the producers' threads more CPU than the flush saved
        // (docs/performance.md).
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // Idling off: a task reads one partition of every port's topics (dozens), and with idling on Kafka Streams
        // 4.3 formats a log line for each empty one on every record it processes (PartitionGroup.readyToProcess):
        // 22 % of the topology's CPU in the benchmark. Nothing here joins streams, the correlator keeps each
        // entity's own clock and R13 has its grace, so waiting for empty partitions bought no correctness.
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, StoreOptions.class);
        return p;
    }
}
