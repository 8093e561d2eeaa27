package eu.portalliance.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What this broker does on this machine with this data, with nothing of ours in the way: the same events,
 * pre-serialised in memory, sent by a tight asynchronous producer loop (acks=all, idempotent) over as many partitions as
 * the alliance's inputs have, then read back by one consumer. Warm-up rounds first, until the JIT has compiled the
 * broker's and the clients' code (with two fixed ones, the JIT still used half a core in the first measured round and
 * each round ran faster than the one before), then five measured rounds; the median is the baseline and the spread is
 * reported, so a reader can see whether the baseline is stable.
 *
 * <p>One producer and one consumer serve every round, so a round times records moving, not a client connecting,
 * fetching metadata and getting a producer id; and a round sends the events again and again for {@link #ROUND_SECONDS}
 * before it waits for the last acknowledgement. Rounds of the bench's own 20,000 to 50,000 events, each with new
 * clients, lasted a tenth of a second to half a second and spread -51 % to +315 % around their median.
 */
final class Baseline {
    record Event(String key, byte[] value) {
    }

    private record Round(double produce, double consume, double passThrough, double jitPercent) {
    }

    static final String TOPIC = "bench.baseline";
    static final String PASS_THROUGH = "baseline pass-through";
    private static final int MIN_WARM_UP_ROUNDS = 2;
    private static final int MAX_WARM_UP_ROUNDS = 12;
    /** The JIT's share of a core in a warm-up round below which the broker's and clients' code counts as compiled. */
    private static final double QUIET_JIT_PERCENT = 15;
    private static final int MEASURED_ROUNDS = 5;
    private static final double ROUND_SECONDS = 3;
    private final String bootstrap;
    private final int partitions;
    private final Report report;

    Baseline(String bootstrap, int partitions, Report report) {
        this.bootstrap = bootstrap;
        this.partitions = partitions;
        this.report = report;
    }

    /** Returns the median pass-through, events/s. */
    double measure(List<Event> events) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(events.size());
        for (Event e : events) {
            records.add(new ProducerRecord<>(TOPIC, e.key().getBytes(java.nio.charset.StandardCharsets.UTF_8), e.value()));
        }
        List<TopicPartition> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(new TopicPartition(TOPIC, p));
        }
        List<Round> rounds = new ArrayList<>();
        int warmUps = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all",
                "enable.idempotence", true, "linger.ms", 10, "batch.size", 262_144, "compression.type", "lz4",
                "buffer.memory", 134_217_728L), new ByteArraySerializer(), new ByteArraySerializer());
             KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            producer.partitionsFor(TOPIC);
            consumer.assign(parts);
            double jit = 100;
            while (warmUps < MAX_WARM_UP_ROUNDS && (warmUps < MIN_WARM_UP_ROUNDS || jit >= QUIET_JIT_PERCENT)) {
                jit = round(records, producer, consumer, parts, "warm-up " + ++warmUps).jitPercent();
            }
            CompilerCpu.awaitQuiet();
            writeBack();
            for (int i = 1; i <= MEASURED_ROUNDS; i++) {
                rounds.add(round(records, producer, consumer, parts, "measured " + i));
            }
        }
        double[] produce = rounds.stream().mapToDouble(Round::produce).sorted().toArray();
        double[] consume = rounds.stream().mapToDouble(Round::consume).sorted().toArray();
        double[] pass = rounds.stream().mapToDouble(Round::passThrough).sorted().toArray();
        String how = String.format("median of %d rounds of %.0f s after %d warm-up rounds, %d partitions",
                MEASURED_ROUNDS, ROUND_SECONDS, warmUps, partitions);
        report.add("baseline produce", median(produce), "events/s", "acks=all, idempotent, linger 10 ms, 256 KiB batches, lz4; " + how
                + ", spread " + spread(produce));
        report.add("baseline consume", median(consume), "events/s", "read back by one consumer; spread " + spread(consume));
        report.add(PASS_THROUGH, median(pass), "events/s", "produce then consume, the same events; spread " + spread(pass));
        return median(pass);
    }

    /**
     * Writes the warm-up's data to disk before anything is measured. Linux writes dirty pages back once they are 30 s
     * old (vm.dirty_expire_centisecs), so without this the warm-up's gigabyte went to disk during the last measured
     * round, which then ran up to a third slower than the others.
     */
    private static void writeBack() throws InterruptedException {
        long t0 = System.nanoTime();
        try {
            Process sync = new ProcessBuilder("sync").inheritIO().start();
            if (!sync.waitFor(120, TimeUnit.SECONDS)) {
                sync.destroy();
            }
            System.out.printf("baseline: the warm-up's data written to disk in %.1f s%n", secs(System.nanoTime() - t0));
        } catch (IOException e) {
            System.out.println("baseline: could not run sync, the warm-up's data may reach the disk during the measured rounds: " + e.getMessage());
        }
    }

    private Round round(List<ProducerRecord<byte[], byte[]>> records, KafkaProducer<byte[], byte[]> producer,
                        KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> parts, String name) {
        Map<TopicPartition, Long> start = consumer.endOffsets(parts);
        Map<String, Long> jit0 = CompilerCpu.now();
        long t0 = System.nanoTime();
        long until = t0 + (long) (ROUND_SECONDS * 1e9);
        long sent = 0;
        do {
            for (ProducerRecord<byte[], byte[]> r : records) {
                producer.send(r);
            }
            sent += records.size();
        } while (System.nanoTime() < until);
        producer.flush();
        long t1 = System.nanoTime();
        start.forEach(consumer::seek);
        long read = 0;
        while (read < sent) {
            read += consumer.poll(Duration.ofMillis(200)).count();
        }
        long t2 = System.nanoTime();
        Round round = new Round(sent / secs(t1 - t0), sent / secs(t2 - t1), sent / secs(t2 - t0),
                CompilerCpu.percentOfACore(jit0, secs(t2 - t0)));
        System.out.printf("baseline, %s round: produce %,.0f, consume %,.0f, pass-through %,.0f events/s, the JIT %.0f %% of a core%n",
                name, round.produce(), round.consume(), round.passThrough(), round.jitPercent());
        return round;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(Map.of("bootstrap.servers", bootstrap, "max.poll.records", 10_000,
                "fetch.min.bytes", 262_144, "fetch.max.wait.ms", 50, "enable.auto.commit", false));
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static String spread(double[] sorted) {
        double m = median(sorted);
        return String.format("%,.0f–%,.0f (%+.0f %%/%+.0f %%)", sorted[0], sorted[sorted.length - 1],
                100 * (sorted[0] / m - 1), 100 * (sorted[sorted.length - 1] / m - 1));
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }

}
