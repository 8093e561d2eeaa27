package eu.portalliance.platform.ports;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.AlertDelivery;
import eu.portalliance.avro.Subscription;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.platform.CliRun;
import eu.portalliance.platform.FreePorts;
import eu.portalliance.platform.Platform;
import eu.portalliance.platform.api.HeadlessChromium;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.StreamSupport;
import eu.portalliance.ports.simulation.Scenario;
import eu.portalliance.ports.simulation.Simulator;
import eu.portalliance.reference.KnownPorts;
import eu.portalliance.registry.RestSchemaRegistryClient;
import eu.portalliance.topology.query.AllianceStores;
import eu.portalliance.topics.Topic;
import eu.portalliance.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The port side against the running single-machine alliance: publish from a file, simulate, find the planted alerts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("end-to-end")
class PortSideEndToEndTest {
    Platform platform;
    Path dir;

    @BeforeAll
    void start(@TempDir Path dir) {
        this.dir = dir;
        int[] p = FreePorts.pick(4);
        platform = Platform.start(new Platform.Settings(dir.resolve("data"), p[0], p[1], p[2], p[3], false));
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private String[] to(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap", platform.bootstrapServers(), "--registry", platform.registryUrl()));
        return all.toArray(String[]::new);
    }

    private <V> List<ConsumerRecord<String, V>> readAll(Topic<String, V> topic, java.util.function.Predicate<List<ConsumerRecord<String, V>>> done) {
        List<ConsumerRecord<String, V>> got = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", platform.bootstrapServers(),
                "group.id", "t-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
                new StringDeserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(got::add);
                return done.test(got);
            });
        }
        return got;
    }

    @Test
    void aVesselCallWithAContainerSeizedElsewhereHasItRecommendedBeforeItLands() throws Exception {
        String seized = "TCLU4409124";
        // Times before the simulation below: the topology's stream time is shared by the tests of this class.
        Path events = dir.resolve("seizure-for-screening.json");
        Files.writeString(events, "{\"type\":\"seizure\",\"eventId\":\"SCREEN-BEANR-1\",\"agency\":\"CUSTOMS\",\"eventTime\":\""
                + "2024-12-20T10:00:00Z\",\"containerNumber\":\"" + seized + "\",\"route\":{\"portOfLoading\":\"ECGYE\"},\"drugType\":\"COCAINE\","
                + "\"kilograms\":210,\"handlingCode\":\"TLP_GREEN\"}\n");
        assertThat(CliRun.of(to("publish", "--port", "BEANR", "--file", events.toString())).code()).isZero();
        // Screening reads what the alliance knows from its intelligence topic: wait until the seizure is there.
        var registry = new RestSchemaRegistryClient(platform.registryUrl());
        var intelligence = new Topic<>(Topics.SCREENING_INTELLIGENCE, org.apache.kafka.common.serialization.Serdes.String(),
                eu.portalliance.serde.AvroSerde.value(registry, eu.portalliance.topology.avro.IntelligenceFact.class));
        readAll(intelligence, got -> got.stream().anyMatch(r -> r.value().getSourceId().equals("SCREEN-BEANR-1")));

        CliRun call = CliRun.of(to("vessel-call", "--port", "NLRTM", "--containers", "500", "--seed", "7", "--include", seized,
                "--notice-time", "2025-01-05T08:00:00Z"));
        assertThat(call.code()).as(call.err()).isZero();
        assertThat(call.out()).contains("Announced 500 containers").contains("included " + seized);

        List<ConsumerRecord<String, eu.portalliance.avro.ScanRecommendation>> recommendations = readAll(
                Topics.scanRecommendationsTopic("NLRTM", registry), got -> got.size() >= 500);
        assertThat(recommendations).hasSize(500);
        var forSeized = recommendations.stream().map(ConsumerRecord::value).filter(r -> r.getContainerNumber().equals(seized))
                .findFirst().orElseThrow();
        assertThat(forSeized.getAction()).isIn(eu.portalliance.avro.ScanAction.SCAN, eu.portalliance.avro.ScanAction.PHYSICAL);
        assertThat(forSeized.getProfileVersion()).isEqualTo(1);
        assertThat(forSeized.getCriteria()).anyMatch(m -> m.getCriterion() == eu.portalliance.avro.ScreeningCriterion.ENTITY_HIT
                && m.getLineage().contains("SCREEN-BEANR-1") && m.getDetail().contains("seized at BEANR"));

        CliRun shown = CliRun.of(to("recommendations", "--port", "NLRTM"));
        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out()).contains(seized).contains("ENTITY_HIT").contains("of 500 announced containers recommended");
        CliRun profile = CliRun.of(to("profile", "show"));
        assertThat(profile.out()).contains("version 1 (in force)").contains("route surge +0.10 within 28 days");

        // The port opens the container and reports what it found: the profile's hit rates take it in.
        CliRun reported = CliRun.of(to("scan-result", "--port", "NLRTM", "--recommendation", forSeized.getRecommendationId(),
                "--image", "ANOMALY", "--physical", "--seizure", "--kg", "95"));
        assertThat(reported.code()).as(reported.err()).isZero();
        assertThat(reported.out()).contains("Reported a seizure of 95.0 kg for " + forSeized.getRecommendationId());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> CliRun.of(to("profile", "show")).out()
                .contains("ENTITY_HIT 1/1 (100 %)"));
        CliRun unknown = CliRun.of(to("scan-result", "--port", "NLRTM", "--recommendation", "SCAN-unknown", "--image", "CLEAR"));
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no recommendation SCAN-unknown on ports.NLRTM.scan-recommendations.v1");

        // The scoreboard counts the call and the check in the week the vessel arrives, and the dashboard shows it.
        String week = eu.portalliance.topology.scoreboard.Weeks.of(forSeized.getEta());
        JsonNode board = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> scoreboard(week),
                b -> b.path("ports").findValues("checked").stream().anyMatch(c -> c.asLong() >= 1));
        JsonNode rotterdam = StreamSupport.stream(board.path("ports").spliterator(), false)
                .filter(p -> p.path("port").asText().equals("NLRTM")).findFirst().orElseThrow();
        long fromRisk = recommendations.stream().filter(r -> r.value().getRiskOrigin()).count();
        long byScore = recommendations.stream().filter(r -> r.value().getScore() >= 0.6).count();
        assertThat(rotterdam.path("arrivals").asLong()).isEqualTo(500);
        assertThat(rotterdam.path("riskArrivals").asLong()).isEqualTo(fromRisk).isPositive();
        assertThat(rotterdam.path("recommended").asLong()).isEqualTo(byScore);
        assertThat(rotterdam.path("seizures").asLong()).isEqualTo(1);
        assertThat(board.path("alliance").path("top").get(0).path("containerNumber").asText()).isEqualTo(seized);
        try (HeadlessChromium browser = HeadlessChromium.open(platform.apiUrl() + "/", dir.resolve("chromium-profile"))) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).alias("scoreboard panel filled")
                    .until(() -> browser.text("#scoreboard-picks"), t -> t.contains(seized));
            assertThat(browser.text("#scoreboard-picks")).contains(forSeized.getAction().name()).contains("ENTITY_HIT");
            assertThat(browser.text("#sb-week")).contains(eu.portalliance.topology.scoreboard.Weeks.label(week));
            assertThat(browser.text("#scoreboard-table [data-port=NLRTM]")).contains("500");
            assertThat(browser.evaluate("document.querySelectorAll('#scoreboard-chart rect.rate').length").asInt()).isPositive();
        }
    }

    private JsonNode scoreboard(String week) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(platform.apiUrl() + "/api/screening/scoreboard?week=" + week)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void aSubscriberSetUpFromTheCommandLineSeesItsCasesAndIsSparedThoseBelowItsMinimumScore() throws Exception {
        CliRun everything = CliRun.of(to("subscribe", "--id", "HQ-ALL", "--kind", "NATIONAL_HQ"));
        assertThat(everything.code()).as(everything.err()).isZero();
        CliRun picky = CliRun.of(to("subscribe", "--id", "HQ-PICKY", "--kind", "NATIONAL_HQ", "--min-score", "99"));
        assertThat(picky.code()).as(picky.err()).isZero();
        // A subscription applies to the next case revision once the topology's global table holds it.
        ReadOnlyKeyValueStore<String, Subscription> subscriptions = platform.topology().kafkaStreams().store(
                StoreQueryParameters.fromNameAndType(AllianceStores.SUBSCRIPTIONS, QueryableStoreTypes.keyValueStore()));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> subscriptions.get("HQ-ALL") != null && subscriptions.get("HQ-PICKY") != null);

        String container = "MSKU5328718";
        for (String port : List.of("BEANR", "NLRTM")) {
            Path events = dir.resolve("subscriber-" + port + ".json");
            Files.writeString(events, "{\"type\":\"seizure\",\"eventId\":\"SUB-" + port + "\",\"agency\":\"CUSTOMS\",\"eventTime\":\""
                    + "2025-01-02T" + (port.equals("BEANR") ? "08" : "20") + ":00:00Z\",\"containerNumber\":\"" + container
                    + "\",\"route\":{\"portOfLoading\":\"ECGYE\"},\"drugType\":\"COCAINE\",\"kilograms\":40,\"handlingCode\":\"TLP_GREEN\"}\n");
            assertThat(CliRun.of(to("publish", "--port", port, "--file", events.toString())).code()).isZero();
        }
        CliRun seen = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> CliRun.of(to("alerts", "--subscriber", "HQ-ALL")),
                r -> r.out().contains(container));
        assertThat(seen.out()).contains("CROSS_PORT_ENTITY").contains("CONTAINER " + container);

        // Held back, not lost: the audit says why, and the subscriber's feed does not have it.
        var registry = new RestSchemaRegistryClient(platform.registryUrl());
        var audit = new Topic<>(Topics.AUDIT, org.apache.kafka.common.serialization.Serdes.String(),
                eu.portalliance.serde.AvroSerde.value(registry, AlertDelivery.class));
        String caseId = seen.out().lines().filter(l -> l.contains(container)).findFirst().orElseThrow()
                .replaceAll(".*\\[(CASE-[0-9a-f]+) rev \\d+].*", "$1");
        AlertDelivery heldBack = readAll(audit, got -> got.stream().anyMatch(r -> isFor(r.value(), caseId, "HQ-PICKY"))).stream()
                .map(ConsumerRecord::value).filter(d -> isFor(d, caseId, "HQ-PICKY")).findFirst().orElseThrow();
        assertThat(heldBack.getWithheldBecause()).contains("below the subscription's minimum 99.0");
        CliRun spared = CliRun.of(to("alerts", "--subscriber", "HQ-PICKY"));
        assertThat(spared.code()).as(spared.err()).isZero();
        assertThat(spared.out()).doesNotContain(container);
        assertThat(spared.err()).contains("case(s) for HQ-PICKY");

        CliRun never = CliRun.of(to("alerts", "--subscriber", "HQ-NEVER"));
        assertThat(never.code()).isEqualTo(2);
        assertThat(never.err()).startsWith("alliance: topic subscribers.HQ-NEVER.alerts.v1 does not exist: has HQ-NEVER subscribed");
    }

    private static boolean isFor(AlertDelivery d, String caseId, String recipient) {
        return d.getAlertId().equals(caseId) && d.getRecipient().equals(recipient);
    }

    @Test
    void publishSendsTheGoodLinesAndReportsEachBadOneWithItsLineNumber() throws Exception {
        String good = """
                {"type":"seizure","eventId":"PUB-1","agency":"CUSTOMS","eventTime":"2024-09-01T10:00:00Z","containerNumber":"TGHU8792473","route":{"portOfLoading":"ECGYE"},"drugType":"COCAINE","kilograms":310,"handlingCode":"TLP_GREEN"}""";
        Path file = dir.resolve("events.json");
        Files.writeString(file, String.join("\n",
                "# Antwerp's events of 1 September",
                good,
                "{\"type\":\"seizure\",\"eventId\":\"PUB-2\",\"agency\":\"CUSTOMS\",\"eventTime\":\"2024-09-01T11:00:00Z\",\"containerNumber\":\"CSQU3054384\",\"route\":{\"portOfLoading\":\"ECGYE\"},\"drugType\":\"COCAINE\",\"kilograms\":5,\"handlingCode\":\"TLP_GREEN\"}",
                "",
                "{\"type\":\"suspicion\",\"eventId\":\"PUB-3\",\"agency\":\"CUSTOMS\",\"eventTime\":\"2024-09-01T12:00:00Z\",\"subjectType\":\"VESSEL\",\"vesselImo\":\"9074729\",\"indicators\":[\"ROUTE_RISK\"],\"handlingCode\":\"TLP_AMBER\"}",
                "{\"type\":\"seizure\",\"eventId\":\"PUB-4\"}",
                "this is not json"));
        CliRun run = CliRun.of(to("publish", "--port", "BEANR", "--file", file.toString()));
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("line 3: containerNumber: container number 'CSQU3054384' has check digit 4 but ISO 6346 gives 3")
                .contains("line 6: field 'agency' is missing")
                .contains("line 7: not valid JSON")
                .contains("Sent 2 of 5 events to BEANR (1 seizures, 1 suspicions). Not sent: 3 (lines 3, 6, 7).");

        RestSchemaRegistryClient registry = new RestSchemaRegistryClient(platform.registryUrl());
        List<ConsumerRecord<String, SeizureReport>> seizures = readAll(Topics.seizuresTopic("BEANR", registry), l -> !l.isEmpty());
        assertThat(seizures).hasSize(1);
        assertThat(seizures.get(0).key()).isEqualTo("TGHU8792473");
        assertThat(seizures.get(0).value().getKilograms()).isEqualTo(310.0);
        assertThat(seizures.get(0).value().getReportingPort()).isEqualTo("BEANR");
    }

    @Test
    void everyPlantedScenarioOfASimulationComesOutAsItsAlert() {
        CliRun run = CliRun.of(to("simulate", "--seed", "5", "--events", "400", "--rate", "0"));
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Planted scenarios").contains("Sent 400 events");
        List<Scenario> scenarios = new Simulator(new Simulator.Settings(5, KnownPorts.allianceLocodes(),
                Instant.parse("2025-01-06T00:00:00Z"), 400 / 28.0)).scenarios();
        for (Scenario s : scenarios) {
            assertThat(run.out()).contains(s.name()).contains(s.entityId());
        }

        Topic<String, Alert> alerts = Topics.alertsTopic(new RestSchemaRegistryClient(platform.registryUrl()));
        List<ConsumerRecord<String, Alert>> got = readAll(alerts, l -> scenarios.stream().allMatch(s -> found(l, s)));
        for (Scenario s : scenarios) {
            assertThat(got).as(s.name()).anyMatch(r -> r.value().getRuleId().equals(s.ruleId())
                    && r.value().getEntityId().equals(s.entityId())
                    && r.value().getSourceEventIds().stream().anyMatch(s.eventIds()::contains));
        }
    }

    private static boolean found(List<ConsumerRecord<String, Alert>> alerts, Scenario s) {
        return alerts.stream().anyMatch(r -> r.value().getRuleId().equals(s.ruleId()) && r.value().getEntityId().equals(s.entityId()));
    }
}
