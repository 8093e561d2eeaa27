package eu.portalliance.bench;

import eu.portalliance.avro.Agency;
import eu.portalliance.avro.Alert;
import eu.portalliance.avro.DrugType;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.Route;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.ids.ContainerNumber;
import eu.portalliance.platform.kafka.Lag;
import eu.portalliance.ports.simulation.SimEvent;
import eu.portalliance.ports.simulation.Simulator;
import eu.portalliance.reference.KnownPorts;
import eu.portalliance.registry.SchemaRegistryClient;
import eu.portalliance.serde.AvroDeserializer;
import eu.portalliance.serde.AvroSerializer;
import eu.portalliance.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Event → alert latency at a fixed input rate, measured on planted pairs whose alert moment is known: two seizures of
 * one probe container at two ports among the ports' ordinary traffic, timed from the second one's send to its alert,
 * read committed.
 */
final class LatencyBench {
    private final Bench bench;
    private final SchemaRegistryClient registry;
    private final int seconds;
    /** Probe containers are numbered across all rates, so no run reuses another's (R1 would stay silent). */
    private int probeSerial;
    private long sent;

    LatencyBench(Bench bench, SchemaRegistryClient registry, int seconds) {
        this.bench = bench;
        this.registry = registry;
        this.seconds = seconds;
    }

    /** Events given to the live topology so far, probes and lead-in included. */
    long eventsSent() {
        return sent;
    }

    void measure(int rate) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch watching = new CountDownLatch(1);
        Thread watcher = new Thread(() -> {
            AvroDeserializer<Alert> alerts = new AvroDeserializer<>(registry, Alert.class);
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bench.bootstrap(),
                    "isolation.level", "read_committed", "fetch.max.wait.ms", 5), new StringDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> parts = Bench.assignAlerts(consumer);
                consumer.seekToEnd(parts);
                parts.forEach(consumer::position);
                watching.countDown();
                while (running.get()) {
                    consumer.poll(Duration.ofMillis(20)).forEach(r -> {
                        Alert a = alerts.deserialize(Topics.ALERTS, r.value());
                        Long t = sentAt.remove(a.getEntityId());
                        if (t != null) {
                            histogram.recordValue(Math.max(1, (System.nanoTime() - t) / 1000));
                        }
                    });
                }
            }
        }, "latency-watcher");
        watcher.start();
        // An alert committed before the watcher has fixed its start offsets would be skipped.
        if (!watching.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the latency watcher did not reach the end of " + Topics.ALERTS + " in 60 s");
        }
        // The ports' traffic keeps its own clock, a simulated day per hour: it starts far enough back to stay an hour or
        // more behind the probes (an hour old when sent), as ports reporting in near real time do. It used to start 20
        // days back; the first probe then moved the route task's stream time past the grace of every window the
        // background's seizures fell in, and each of them re-judged closed windows (docs/performance.md).
        int leadIn = leadInSeconds();
        Duration simulated = Duration.ofSeconds(24L * (leadIn + seconds));
        Simulator background = new Simulator(new Simulator.Settings(1000 + rate, KnownPorts.allianceLocodes(),
                Instant.now().minus(Duration.ofHours(2)).minus(simulated), rate * 3600.0));
        var it = background.events(-1);
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry, false, true);
        long total = (long) rate * seconds;
        long t0;
        int probes = 0;
        // Kafka's default linger (5 ms since 4.0), as a port's producer would have: with none, every event was a
        // produce request of its own, 2,000 a second that the broker, on the topology's two cores, had to answer.
        try (KafkaProducer<String, byte[]> producer = bench.producer(5); Admin admin = bench.admin()) {
            // The live topology's clock stands where the run before left it (the throughput run's history is from
            // early 2025): the first seconds of traffic on today's clock close every window it held open, a jump no
            // alliance makes. The same traffic, unmeasured, takes it there first; the probes then meet a topology in
            // step with the clock.
            long leadStart = System.nanoTime();
            long leadEvents = (long) rate * leadIn;
            for (long i = 0; i < leadEvents; i++) {
                sendNext(producer, it, serializer);
                pace(leadStart, i, rate);
            }
            producer.flush();
            sent += leadEvents;
            Lag.awaitCaughtUp(admin, "bench-live", bench.inputPartitions(), 300);
            t0 = System.nanoTime();
            for (long i = 0; i < total; i++) {
                sendNext(producer, it, serializer);
                if (i % 500 == 250) {
                    probes++;
                    String container = ContainerNumber.of("PRBU", ++probeSerial);
                    sent += 2;
                    Instant when = Instant.now().minus(Duration.ofHours(1));
                    SeizureReport first = probe(container, "BEANR", when, "P" + rate + "-" + probes + "-A");
                    SeizureReport second = probe(container, "NLRTM", when.plusSeconds(60), "P" + rate + "-" + probes + "-B");
                    producer.send(new ProducerRecord<>(Topics.seizures("BEANR"), container, serializer.serialize(Topics.seizures("BEANR"), first)));
                    producer.flush();
                    sentAt.put(container, System.nanoTime());
                    producer.send(new ProducerRecord<>(Topics.seizures("NLRTM"), container, serializer.serialize(Topics.seizures("NLRTM"), second)));
                }
                pace(t0, i, rate);
            }
        }
        double achieved = total / Bench.secs(System.nanoTime() - t0);
        sent += total;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!sentAt.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        running.set(false);
        watcher.join(5000);
        String note = String.format("%,d probe alerts at %,.0f events/s offered (%,.0f achieved)%s", histogram.getTotalCount(),
                (double) rate, achieved, sentAt.isEmpty() ? "" : "; " + sentAt.size() + " probes without alert in 120 s");
        bench.report().add("latency p50 @" + rate + "/s", histogram.getValueAtPercentile(50) / 1000.0, "ms", note);
        bench.report().add("latency p99 @" + rate + "/s", histogram.getValueAtPercentile(99) / 1000.0, "ms", "event → alert, read_committed");
        bench.report().add("latency p99.9 @" + rate + "/s", histogram.getValueAtPercentile(99.9) / 1000.0, "ms", "");
        bench.report().add("latency max @" + rate + "/s", histogram.getMaxValue() / 1000.0, "ms", "");
    }

    /** Sends the background's next event to its port's topic. */
    private static void sendNext(KafkaProducer<String, byte[]> producer, Iterator<SimEvent> events,
                                 AvroSerializer<SpecificRecord> serializer) {
        SimEvent e = events.next();
        producer.send(new ProducerRecord<>(e.topic(), null, serializer.serialize(e.topic(), e.event())));
    }

    /** Waits until the {@code i}-th event after {@code start} is due at {@code rate} events/s. */
    private static void pace(long start, long i, int rate) throws InterruptedException {
        long wait = start + (long) ((i + 1) * 1e9 / rate) - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Seconds of unmeasured traffic before each latency run: a fifth of its length, at least two. */
    private int leadInSeconds() {
        return Math.max(2, seconds / 5);
    }

    private static SeizureReport probe(String container, String port, Instant t, String id) {
        return SeizureReport.newBuilder().setEventId(id).setReportingPort(port).setAgency(Agency.CUSTOMS)
                .setEventTime(t).setContainerNumber(container)
                .setRoute(Route.newBuilder().setPortOfLoading("ECGYE").setTransshipmentPorts(List.of()).build())
                .setDrugType(DrugType.COCAINE).setKilograms(100)
                .setHandlingCode(HandlingCode.TLP_GREEN).build();
    }
}
