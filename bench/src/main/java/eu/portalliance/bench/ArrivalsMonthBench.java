package eu.portalliance.bench;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertType;
import eu.portalliance.avro.ArrivalNotice;
import eu.portalliance.avro.ScanAction;
import eu.portalliance.avro.ScanImage;
import eu.portalliance.avro.ScanRecommendation;
import eu.portalliance.avro.ScanResult;
import eu.portalliance.avro.ScreeningCriterion;
import eu.portalliance.ports.simulation.VesselCall;
import eu.portalliance.reference.KnownPorts;
import eu.portalliance.registry.SchemaRegistryClient;
import eu.portalliance.screening.ScanResults;
import eu.portalliance.serde.AvroDeserializer;
import eu.portalliance.serde.AvroSerializer;
import eu.portalliance.topics.Topics;
import eu.portalliance.platform.kafka.Lag;
import eu.portalliance.topology.AllianceStreams;
import eu.portalliance.topology.screening.ScreeningProfiles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A month of arrivals at the alliance's ports, screened by a fresh topology week by week, with the ports reporting
 * their checks as they go: how fast screening keeps up (arrivals/s over the month, checks included), and what the
 * watch rooms receive — recommendations, the checks and hits they lead to, and the weekly notices.
 * <p>
 * Vessel calls of 300 to 6,000 containers (a third from risk origins) arrive at every alliance port, the four
 * busiest three times as often. Each port checks a share of what it is recommended; one port checks far less than
 * the others, which is what the weekly notice is for. A check finds drugs in 2 % of risk-origin recommendations and
 * 0.3 % of control picks (the base rate). Weeks run Monday to Sunday; a week's results go in before the next week's
 * notices, as they would at a port that reports its checks the day they are done.
 */
final class ArrivalsMonthBench {
    private static final Instant MONTH = Instant.parse("2025-03-03T00:00:00Z");
    private static final int WEEKS = 4;
    private static final List<String> BUSY = List.of("NLRTM", "BEANR", "DEHAM", "ESVLC");
    /** The port that checks a fifth of what the others check. */
    static final String WEAK = "PTSIE";
    private static final double CHECKED = 0.9;
    private static final double WEAK_CHECKED = 0.15;
    private static final double THRESHOLD = ScreeningProfiles.initial().getScanThreshold();
    private static final double ROUTE_SURGE_WEIGHT = ScreeningProfiles.initial().getRouteSurgeWeight();

    private final Bench bench;
    private final SchemaRegistryClient registry;
    private final int arrivals;

    ArrivalsMonthBench(Bench bench, SchemaRegistryClient registry, int arrivals) {
        this.bench = bench;
        this.registry = registry;
        this.arrivals = arrivals;
    }

    void measure() throws Exception {
        List<List<ArrivalNotice>> weeks = month();
        AvroSerializer<ArrivalNotice> notices = new AvroSerializer<>(registry, false, true);
        AvroSerializer<ScanResult> results = new AvroSerializer<>(registry, false, true);
        List<String> ports = KnownPorts.allianceLocodes();
        String group = "bench-arrivals-month";
        SplittableRandom checks = new SplittableRandom(11);
        Map<String, long[]> byPort = new TreeMap<>();
        long recommended = 0;
        long tipped = 0;
        long control = 0;
        long physical = 0;
        long sent = 0;
        long reported = 0;
        try (Admin admin = bench.admin()) {
            List<TopicPartition> outputs = Offsets.partitions(admin, ports.stream().map(Topics::scanRecommendations).toList());
            List<TopicPartition> alerts = Offsets.partitions(admin, ports.stream().map(Topics::alertsFor).toList());
            startAtEnd(admin, group, ports);
            Map<TopicPartition, Long> alertsFrom = Offsets.ends(admin, alerts);
            try (AllianceStreams topology = bench.startTopology(group);
                 KafkaConsumer<String, ScanRecommendation> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bench.bootstrap(),
                         "isolation.level", "read_committed", "max.poll.records", 5000), new StringDeserializer(),
                         new AvroDeserializer<>(registry, ScanRecommendation.class));
                 KafkaProducer<String, byte[]> producer = bench.producer()) {
                topology.awaitRunning(Duration.ofMinutes(5));
                consumer.assign(outputs);
                consumer.seekToEnd(outputs);
                outputs.forEach(consumer::position);
                // Every result and tally counted: the notices a judgement writes are committed with its tallies.
                java.util.Set<TopicPartition> counted = resultPartitions(ports);
                for (String tallies : List.of("arrival-tallies-by-origin", "result-tallies-by-origin", "surge-tallies-by-origin")) {
                    counted.addAll(Offsets.partitions(admin, List.of(group + "-" + tallies + "-repartition")));
                }
                long t0 = System.nanoTime();
                for (List<ArrivalNotice> week : weeks) {
                    for (ArrivalNotice n : week) {
                        String topic = Topics.arrivals(n.getReportingPort());
                        producer.send(new ProducerRecord<>(topic, n.getContainerNumber(), notices.serialize(topic, n)));
                    }
                    producer.flush();
                    sent += week.size();
                    List<ScanRecommendation> got = read(consumer, week.size());
                    for (ScanRecommendation r : got) {
                        long[] counts = byPort.computeIfAbsent(r.getPort(), p -> new long[3]);
                        counts[0] += r.getAction() != ScanAction.NONE ? 1 : 0;
                        boolean byScore = r.getScore() >= THRESHOLD;
                        boolean surge = r.getCriteria().stream().anyMatch(m -> m.getCriterion() == ScreeningCriterion.ROUTE_SURGE);
                        tipped += byScore && surge && r.getScore() - ROUTE_SURGE_WEIGHT < THRESHOLD ? 1 : 0;
                        recommended += byScore ? 1 : 0;
                        control += r.getControlPick() ? 1 : 0;
                        physical += r.getAction() == ScanAction.PHYSICAL ? 1 : 0;
                        if (r.getAction() == ScanAction.NONE || checks.nextDouble() >= (r.getPort().equals(WEAK) ? WEAK_CHECKED : CHECKED)) {
                            continue;
                        }
                        counts[1]++;
                        boolean hit = checks.nextDouble() < (r.getControlPick() && !byScore ? 0.003
                                : r.getCriteria().stream().anyMatch(m -> m.getCriterion() == ScreeningCriterion.ENTITY_HIT) ? 0.2 : 0.02);
                        counts[2] += hit ? 1 : 0;
                        ScanResult result = ScanResults.answering(r, r.getEta().plus(Duration.ofHours(6))).setScanned(true)
                                .setImage(hit ? ScanImage.ANOMALY : ScanImage.CLEAR).setPhysicalCheck(hit).setSeizure(hit)
                                .setKilograms(hit ? 50 + checks.nextInt(400) : 0).build();
                        String topic = Topics.scanResults(r.getPort());
                        producer.send(new ProducerRecord<>(topic, r.getRecommendationId(), results.serialize(topic, result)));
                        reported++;
                    }
                    producer.flush();
                    // Counted before the next week's notices move the scoreboard's clock: at a port results come in
                    // through the week, and the next notices days later, not a burst behind them.
                    Lag.awaitCaughtUp(admin, group, counted, 600);
                }
                long elapsed = System.nanoTime() - t0;
                List<Alert> told = notices(alerts, alertsFrom);
                bench.report().add("arrivals month: screened", sent / (elapsed / 1e9), "arrivals/s", String.format(
                        "%,d notices in %d weekly bursts at %d ports and %,d check results, fresh topology, week by week", sent,
                        WEEKS, ports.size(), reported));
                bench.report().add("arrivals month: recommended", 100.0 * recommended / sent, "%", String.format(
                        "%,d by score (%,d PHYSICAL; %,d of them over the threshold only by an open route surge) and %,d control "
                        + "picks of %,d notices", recommended, physical, tipped, control, sent));
                long[] weak = byPort.getOrDefault(WEAK, new long[3]);
                bench.report().add("arrivals month: notices", told.size(), "notices", String.format("weekly scan-rate notices "
                        + "(%s checked %,d of the %,d it was asked to, the others %.0f %%): %s", WEAK, weak[1], weak[0], 100 * CHECKED,
                        told.stream().map(a -> a.getPorts().get(0) + " " + a.getAttributes().get("origin") + " "
                                + a.getAttributes().get("week")).distinct().sorted().toList()));
            }
        }
    }

    /** Four weeks of calls; each notice is given three days before its vessel is due. */
    private List<List<ArrivalNotice>> month() {
        List<String> ports = KnownPorts.allianceLocodes();
        List<String> draw = new ArrayList<>(ports);
        BUSY.forEach(p -> {
            draw.add(p);
            draw.add(p);
        });
        SplittableRandom random = new SplittableRandom(2025);
        List<List<ArrivalNotice>> weeks = new ArrayList<>();
        int perWeek = arrivals / WEEKS;
        int call = 0;
        for (int w = 0; w < WEEKS; w++) {
            List<ArrivalNotice> week = new ArrayList<>();
            while (week.size() < perWeek) {
                call++;
                String port = draw.get(random.nextInt(draw.size()));
                int size = Math.min(perWeek - week.size(), 300 + random.nextInt(5_700));
                Instant noticeTime = MONTH.plus(Duration.ofDays(7L * w)).plus(Duration.ofMinutes(random.nextInt(7 * 24 * 60)));
                week.addAll(VesselCall.notices(new VesselCall.Settings(call, port, VesselCall.vessel(call), String.format("%03dM", call),
                        noticeTime, size, 0.33, List.of())));
            }
            weeks.add(week);
        }
        // A last notice a week on moves the scoreboard's clock past the month, so its four weeks are all judged.
        ArrivalNotice tick = VesselCall.notices(new VesselCall.Settings(call + 1, "NLRTM", VesselCall.vessel(call + 1), "TICK",
                MONTH.plus(Duration.ofDays(7L * WEEKS + 10)), 1, 0.0, List.of())).get(0);
        weeks.add(List.of(tick));
        return weeks;
    }

    private List<ScanRecommendation> read(KafkaConsumer<String, ScanRecommendation> consumer, int count) {
        List<ScanRecommendation> out = new ArrayList<>(count);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (out.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + out.size() + " of " + count + " recommendations within 10 minutes");
            }
            consumer.poll(Duration.ofMillis(50)).forEach(r -> out.add(r.value()));
        }
        return out;
    }

    private List<Alert> notices(List<TopicPartition> alerts, Map<TopicPartition, Long> from) {
        List<Alert> out = new ArrayList<>();
        try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bench.bootstrap(),
                "isolation.level", "read_committed"), new StringDeserializer(), new AvroDeserializer<>(registry, Alert.class))) {
            consumer.assign(alerts);
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> ends = consumer.endOffsets(alerts);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && alerts.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value().getType() == AlertType.SCREENING_NOTICE && "scan-rate".equals(r.value().getAttributes().get("notice"))) {
                        out.add(r.value());
                    }
                }
            }
        }
        return out;
    }

    /** The fresh topology starts at the end of everything the earlier runs wrote, so it screens this month alone. */
    private void startAtEnd(Admin admin, String group, List<String> ports) throws Exception {
        List<TopicPartition> inputs = new ArrayList<>(bench.inputPartitions());
        inputs.addAll(Offsets.partitions(admin, ports.stream().map(Topics::arrivals).toList()));
        inputs.addAll(resultPartitions(ports));
        Offsets.startAtEnd(admin, group, inputs);
    }

    private static java.util.Set<TopicPartition> resultPartitions(List<String> ports) {
        java.util.Set<TopicPartition> out = new java.util.HashSet<>();
        ports.forEach(p -> out.add(new TopicPartition(Topics.scanResults(p), 0)));
        return out;
    }

}
