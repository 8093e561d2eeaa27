package eu.portalliance.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.portalliance.avro.Agency;
import eu.portalliance.avro.AlertOutcome;
import eu.portalliance.avro.CheckPerformed;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.Indicator;
import eu.portalliance.avro.OutcomeResult;
import eu.portalliance.avro.RequestedAction;
import eu.portalliance.avro.Route;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SubjectType;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.platform.FreePorts;
import eu.portalliance.platform.Platform;
import eu.portalliance.platform.Samples;
import eu.portalliance.ports.PortClient;
import eu.portalliance.registry.RestSchemaRegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The analysts' API and the live dashboard against a running single-machine alliance. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("end-to-end")
class AnalystEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONTAINER = "TGHU8792473";
    static final Instant T = Instant.parse("2025-03-03T06:00:00Z");

    Platform platform;
    Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        this.dir = dir;
        int[] p = FreePorts.pick(4);
        platform = Platform.start(new Platform.Settings(dir.resolve("data"), p[0], p[1], p[2], p[3], false));
        publishPair(CONTAINER, T, 120, 300);
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private PortClient port(String locode) {
        return new PortClient(locode, Map.of("bootstrap.servers", platform.bootstrapServers()),
                new RestSchemaRegistryClient(platform.registryUrl()));
    }

    /** One container seized at Antwerp, then at Rotterdam a day later. */
    private void publishPair(String container, Instant t, double kgAntwerp, double kgRotterdam) throws Exception {
        try (PortClient antwerp = port("BEANR"); PortClient rotterdam = port("NLRTM")) {
            antwerp.publish(SeizureReport.newBuilder(Samples.seizure("API-BEANR-" + container)).setEventTime(t)
                    .setContainerNumber(container).setKilograms(kgAntwerp).setConsignee(null).build()).get();
            rotterdam.publish(SeizureReport.newBuilder(Samples.seizure("API-NLRTM-" + container)).setReportingPort("NLRTM")
                    .setEventTime(t.plus(Duration.ofDays(1))).setContainerNumber(container).setKilograms(kgRotterdam)
                    .setConsignee(null).build()).get();
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(platform.apiUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), JSON.readTree(r.body()));
    }

    private JsonNode alertsAbout(String container) throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/alerts?entity=" + container).body().path("count").asInt() > 0);
        return get("/api/alerts?entity=" + container).body().path("alerts");
    }

    @Test
    @Order(1)
    void aContainersHistoryAcrossPorts() throws Exception {
        alertsAbout(CONTAINER);
        Answer a = get("/api/containers/" + CONTAINER);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().path("ports").toString()).isEqualTo("[\"BEANR\",\"NLRTM\"]");
        assertThat(a.body().path("sightings")).hasSize(2);
        assertThat(a.body().path("sightings").get(0).path("eventId").asText()).isEqualTo("API-BEANR-" + CONTAINER);
        assertThat(get("/api/vessels/9074729").body().path("sightings").size()).isGreaterThanOrEqualTo(2);
        // A flag on the vessel itself is routine (no rule pairs it) and kept apart from what the rules pair; the
        // analyst still sees it, in event-time order among the seizures.
        try (PortClient hamburg = port("DEHAM")) {
            hamburg.publish(SuspiciousContainerEvent.newBuilder().setEventId("API-DEHAM-FLAG").setReportingPort("DEHAM")
                    .setAgency(Agency.CUSTOMS).setEventTime(T.plus(Duration.ofHours(12))).setSubjectType(SubjectType.VESSEL)
                    .setVesselImo("9074729").setRoute(Route.newBuilder().setPortOfLoading("ECGYE").setTransshipmentPorts(List.of()).build())
                    .setIndicators(List.of(Indicator.ROUTE_RISK)).setLocalScore(0.4).setAction(RequestedAction.SCAN)
                    .setHandlingCode(HandlingCode.TLP_GREEN).build()).get();
        }
        JsonNode vessel = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/vessels/9074729").body(),
                b -> b.path("sightings").findValuesAsText("eventId").contains("API-DEHAM-FLAG"));
        assertThat(vessel.path("sightings").findValuesAsText("eventId"))
                .containsSubsequence("API-BEANR-" + CONTAINER, "API-DEHAM-FLAG", "API-NLRTM-" + CONTAINER);
        assertThat(vessel.path("ports").toString()).contains("DEHAM");
        assertThat(get("/api/vessels/IMO%209074729").status()).isEqualTo(200);
        assertThat(get("/api/containers/MAEU1234567").status()).isEqualTo(404);
        assertThat(get("/api/containers/CSQU3054384").body().path("error").asText()).contains("ISO 6346 gives 3");
        assertThat(get("/api/vessels/123").status()).isEqualTo(400);
        assertThat(get("/api/parties/acme").status()).isEqualTo(400);
    }

    @Test
    @Order(2)
    void recentAlertsFilteredByPortTypeAndSeverity() throws Exception {
        JsonNode alert = alertsAbout(CONTAINER).get(0);
        String id = alert.path("alertId").asText();
        assertThat(get("/api/alerts?port=NLRTM&type=CROSS_PORT_ENTITY&entity=" + CONTAINER).body().path("count").asInt()).isEqualTo(1);
        assertThat(get("/api/alerts?port=DEHAM&entity=" + CONTAINER).body().path("count").asInt()).isZero();
        assertThat(get("/api/alerts?severity=CRITICAL&entity=" + CONTAINER).body().path("count").asInt()).isZero();
        assertThat(get("/api/alerts?since=2025-03-05&entity=" + CONTAINER).body().path("count").asInt()).isZero();
        assertThat(get("/api/alerts?limit=1").body().path("alerts")).hasSize(1);
        Answer one = get("/api/alerts/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body().path("sourceEventIds").toString()).contains("API-BEANR-" + CONTAINER);
        assertThat(get("/api/alerts/R1-0000").status()).isEqualTo(404);
        assertThat(get("/api/alerts?type=GOSSIP").body().path("error").asText()).contains("is not one of");
        assertThat(get("/api/alerts?limit=0").status()).isEqualTo(400);
        assertThat(get("/api/alerts?sort=random").status()).isEqualTo(400);
    }

    @Test
    @Order(3)
    void topRoutesAndOriginsInATimeRange() throws Exception {
        JsonNode top = get("/api/routes/top?from=2025-03-01&to=2025-03-10&by=kg").body();
        assertThat(top.path("routes").get(0).path("route").asText()).isEqualTo("ECGYE>NLRTM");
        assertThat(top.path("routes").get(0).path("kg").asDouble()).isEqualTo(300.0);
        assertThat(top.path("routes").get(1).path("route").asText()).isEqualTo("ECGYE>BEANR");
        assertThat(get("/api/routes/top?from=2026-01-01&to=2026-02-01").body().path("routes")).isEmpty();
        JsonNode origins = get("/api/origins/top?from=2025-03-01&to=2025-03-10").body().path("origins");
        assertThat(origins.get(0).path("origin").asText()).isEqualTo("EC");
        assertThat(origins.get(0).path("seizures").asInt()).isEqualTo(2);
        assertThat(get("/api/origins/top?from=2025-03-01&to=2025-03-10&group=port").body().path("origins").get(0).path("origin").asText())
                .isEqualTo("ECGYE");
        assertThat(get("/api/routes/timeline?from=2025-03-01&to=2025-03-10").body().path("routes").get(0).path("weeks")).isNotEmpty();
        assertThat(get("/api/routes/top?from=yesterday").body().path("error").asText()).contains("is not a date");
        assertThat(get("/api/routes/top?from=2025-03-10&to=2025-03-01").status()).isEqualTo(400);
        assertThat(get("/api/routes/top?by=weight").status()).isEqualTo(400);
    }

    @Test
    @Order(4)
    void rulePrecisionFromOutcomes() throws Exception {
        String id = alertsAbout(CONTAINER).get(0).path("alertId").asText();
        try (PortClient rotterdam = port("NLRTM")) {
            rotterdam.report(AlertOutcome.newBuilder().setAlertId(id).setPort("NLRTM").setReportedAt(Instant.now())
                    .setCheckPerformed(CheckPerformed.PHYSICAL).setOutcome(OutcomeResult.CONFIRMED).setKilogramsSeized(40).build()).get();
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/rules/precision").body().path("rules").size() > 0);
        JsonNode r1 = get("/api/rules/precision").body().path("rules").get(0);
        assertThat(r1.path("ruleId").asText()).isEqualTo("R1");
        assertThat(r1.path("confirmed").asInt()).isEqualTo(1);
        assertThat(r1.path("precision").path("double").asDouble(r1.path("precision").asDouble())).isEqualTo(1.0);
    }

    @Test
    @Order(5)
    void unknownEndpointsAndMethodsAreClearErrors() throws Exception {
        assertThat(get("/api/nothing").status()).isEqualTo(404);
        assertThat(get("/api/nothing").body().path("error").asText()).contains("see the README");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/api/alerts"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    @Order(6)
    void theDashboardShowsAPublishedSeizureAsAnAlertAndLooksContainersUp() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.open(platform.apiUrl() + "/", dir.resolve("chromium-profile"))) {
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .alias("dashboard feed connected")
                    .until(() -> browser.text("#feed-status"), s -> s.equals("live"));
            String fresh = "MAEU1234567";
            assertThat(browser.text("#alerts")).doesNotContain(fresh);

            publishPair(fresh, T.plus(Duration.ofDays(3)), 55, 65);

            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> browser.text("#alerts").contains(fresh));
            assertThat(browser.text("#alerts")).contains("CROSS_PORT_ENTITY").contains("BEANR, NLRTM");

            browser.evaluate("document.getElementById('container').value = '" + fresh + "';"
                    + "document.getElementById('lookup').requestSubmit(); true");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> browser.text("#lookup-result").contains("seen at BEANR, NLRTM"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> browser.text("#routes-chart").contains("ECGYE>NLRTM"));
        }
    }
}
