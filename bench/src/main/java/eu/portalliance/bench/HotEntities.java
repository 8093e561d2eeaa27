package eu.portalliance.bench;

import eu.portalliance.avro.Agency;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.Indicator;
import eu.portalliance.avro.Party;
import eu.portalliance.avro.RequestedAction;
import eu.portalliance.avro.Route;
import eu.portalliance.avro.SubjectType;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.ids.ContainerNumber;
import eu.portalliance.ids.ImoNumber;
import eu.portalliance.ports.PortClient;
import eu.portalliance.platform.kafka.Lag;
import eu.portalliance.registry.SchemaRegistryClient;
import eu.portalliance.serde.AvroSerializer;
import eu.portalliance.topics.Topics;
import eu.portalliance.topology.AllianceStreams;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What a busy entity costs: N routine flags on one vessel (and N on containers of one importer) through a fresh
 * topology, against N on distinct vessels (importers). The ratio of the two times is the cost per event of a hot
 * entity over a cold one; 1 means an entity's history costs nothing per new event.
 */
final class HotEntities {
    private static final List<String> ROTATION = List.of("BEANR", "NLRTM", "DEHAM", "FRLEH", "ESALG");
    private static final Instant START = Instant.parse("2025-03-03T00:00:00Z");
    private static final Duration SPAN = Duration.ofDays(28);

    private final Bench bench;
    private final SchemaRegistryClient registry;
    private final int n;

    HotEntities(Bench bench, SchemaRegistryClient registry, int n) {
        this.bench = bench;
        this.registry = registry;
        this.n = n;
    }

    void measure() throws Exception {
        String imo = ImoNumber.of(912_345);
        Party importer = Party.newBuilder().setName("Big Fruit Importer BV").setEori("NL999999999").setCountry("NL").build();
        compare("vessel", i -> vesselFlag(i, imo), i -> vesselFlag(i, ImoNumber.of(100_000 + i)));
        compare("importer", i -> importerFlag(i, importer), i -> importerFlag(i, Party.newBuilder(importer)
                .setName("Importer " + i).setEori("NL" + (100_000_000 + i)).build()));
    }

    private void compare(String entity, IntFunction<SuspiciousContainerEvent> hot, IntFunction<SuspiciousContainerEvent> cold)
            throws Exception {
        double coldSeconds = run("bench-cold-" + entity, cold);
        double hotSeconds = run("bench-hot-" + entity, hot);
        bench.report().add("hot " + entity + ": one " + entity, n / hotSeconds, "events/s", String.format(
                "%,d routine flags on one %s at %d rotating ports, fresh topology; distinct %ss: %,.0f events/s",
                n, entity, ROTATION.size(), entity, n / coldSeconds));
        bench.report().add("hot " + entity + ": cost ratio", hotSeconds / coldSeconds, "x",
                "cost per event of N events on one " + entity + " over N events on distinct ones");
    }

    /** Seconds from the first event sent to the last committed by a fresh topology instance. */
    private double run(String app, IntFunction<SuspiciousContainerEvent> event) throws Exception {
        AvroSerializer<SuspiciousContainerEvent> serializer = new AvroSerializer<>(registry, false, true);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SuspiciousContainerEvent e = event.apply(i);
            String topic = Topics.suspicious(e.getReportingPort());
            records.add(new ProducerRecord<>(topic, PortClient.keyOf(e), serializer.serialize(topic, e)));
        }
        try (Admin admin = bench.admin()) {
            bench.startAtEnd(admin, app);
            try (AllianceStreams topology = bench.startTopology(app)) {
                topology.awaitRunning(Duration.ofMinutes(2));
                long t0 = System.nanoTime();
                try (KafkaProducer<String, byte[]> producer = bench.producer()) {
                    records.forEach(producer::send);
                }
                long done = Lag.awaitCaughtUp(admin, app, bench.inputPartitions(), 1800);
                return (done - t0) / 1e9;
            }
        }
    }

    private SuspiciousContainerEvent.Builder flag(int i) {
        String port = ROTATION.get(i % ROTATION.size());
        return SuspiciousContainerEvent.newBuilder().setEventId("HOT-" + port + "-" + i).setReportingPort(port)
                .setAgency(Agency.CUSTOMS).setEventTime(START.plusMillis(SPAN.toMillis() * i / n))
                .setRoute(Route.newBuilder().setPortOfLoading("ECGYE").setTransshipmentPorts(List.of()).build())
                .setIndicators(List.of(Indicator.DWELL_ANOMALY)).setLocalScore(0.5).setAction(RequestedAction.SCAN)
                .setHandlingCode(HandlingCode.TLP_GREEN);
    }

    private SuspiciousContainerEvent vesselFlag(int i, String imo) {
        return flag(i).setSubjectType(SubjectType.VESSEL).setVesselImo(imo).build();
    }

    private SuspiciousContainerEvent importerFlag(int i, Party importer) {
        return flag(i).setSubjectType(SubjectType.CONTAINER).setContainerNumber(ContainerNumber.of("HOTU", i)).setParty(importer).build();
    }
}
