package eu.portalliance.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.portalliance.avro.Alert;
import eu.portalliance.avro.SeizureReport;
import eu.portalliance.ids.ContainerNumber;
import eu.portalliance.platform.ChildJvm;
import eu.portalliance.platform.Backbone;
import eu.portalliance.platform.FreePorts;
import eu.portalliance.platform.Samples;
import eu.portalliance.ports.PortClient;
import eu.portalliance.registry.RestSchemaRegistryClient;
import eu.portalliance.topics.Topic;
import eu.portalliance.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three topology instances (separate JVMs, separate state folders, one application id, each a static member of the
 * group under its own --instance-id, as docker/ deploys them) on the real broker share the partitions, answer queries
 * alike, and survive one instance stopping and another being killed outright: every finding comes out as exactly one
 * alert.
 */
@Tag("end-to-end")
class ScaleOutTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    final List<ChildJvm> instances = new ArrayList<>();
    Backbone backbone;
    int serial;

    @AfterEach
    void stop() {
        instances.forEach(ChildJvm::close);
        if (backbone != null) {
            backbone.close();
        }
    }

    private ChildJvm instance(Path dir, int httpPort) throws Exception {
        ChildJvm jvm = ChildJvm.alliance("topology", "--bootstrap", backbone.kafka.bootstrapServers(), "--registry", backbone.registry.url(),
                "--state-dir", dir.resolve("state-" + httpPort).toString(), "--replication-factor", "1",
                "--standby-replicas", "1", "--http-port", Integer.toString(httpPort), "--advertised-host", "127.0.0.1",
                "--redaction-key-file", dir.resolve("redaction.key").toString(), "--instance-id", "topology-" + httpPort,
                "--config", "consumer.session.timeout.ms=6000", "--config", "consumer.heartbeat.interval.ms=1500");
        instances.add(jvm);
        return jvm;
    }

    /** Each pair: one container seized at Antwerp and at Rotterdam, so exactly one R1 alert. */
    private List<String> publishPairs(int count) throws Exception {
        return publishPairs(count, new AtomicInteger());
    }

    /** @param sent counts the pairs handed to the producers so far, for a fault that must land while they flow */
    private List<String> publishPairs(int count, AtomicInteger sent) throws Exception {
        List<String> containers = new ArrayList<>();
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(backbone.registry.url());
        Map<String, Object> kafkaConfig = Map.of("bootstrap.servers", backbone.kafka.bootstrapServers());
        try (PortClient antwerp = new PortClient("BEANR", kafkaConfig, client); PortClient rotterdam = new PortClient("NLRTM", kafkaConfig, client)) {
            for (int i = 0; i < count; i++) {
                String container = ContainerNumber.of("SCLU", ++serial);
                Instant t = Instant.parse("2025-05-01T00:00:00Z").plus(Duration.ofHours(serial));
                antwerp.publish(SeizureReport.newBuilder(Samples.seizure("SO-A-" + serial)).setEventTime(t)
                        .setContainerNumber(container).setVesselImo(null).setConsignee(null).build());
                rotterdam.publish(SeizureReport.newBuilder(Samples.seizure("SO-R-" + serial)).setReportingPort("NLRTM")
                        .setEventTime(t.plusSeconds(600)).setContainerNumber(container).setVesselImo(null).setConsignee(null).build());
                containers.add(container);
                sent.incrementAndGet();
            }
            antwerp.flush();
            rotterdam.flush();
        }
        return containers;
    }

    /** Alert ids on alliance.alerts.v1 (committed only), with how often each appears. */
    private Map<String, Integer> committedAlerts() {
        Topic<String, Alert> alerts = Topics.alertsTopic(new RestSchemaRegistryClient(backbone.registry.url()));
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", backbone.kafka.bootstrapServers(),
                "group.id", "count-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
                new StringDeserializer(), alerts.valueSerde().deserializer())) {
            consumer.subscribe(List.of(alerts.name()));
            long quietSince = System.currentTimeMillis();
            while (System.currentTimeMillis() - quietSince < 3000) {
                var records = consumer.poll(Duration.ofMillis(300));
                if (!records.isEmpty()) {
                    quietSince = System.currentTimeMillis();
                }
                records.forEach(r -> counts.merge(r.key(), 1, Integer::sum));
            }
        }
        return counts;
    }

    private void awaitAlerts(int expected) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> committedAlerts().size() >= expected);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder logs = new StringBuilder();
            for (ChildJvm jvm : instances) {
                List<String> out = jvm.output();
                logs.append("\n--- instance ---\n").append(String.join("\n", out.subList(Math.max(0, out.size() - 12), out.size())));
            }
            throw new AssertionError("fewer than " + expected + " alerts committed (" + committedAlerts().size()
                    + "); instances said:" + logs, e);
        }
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " on " + port + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void instancesShareTheWorkAndFailOverWithoutLosingOrDuplicatingAlerts(@TempDir Path dir) throws Exception {
        backbone = Backbone.start(dir);
        int[] api = FreePorts.pick(3);
        ChildJvm a = instance(dir, api[0]);
        ChildJvm b = instance(dir, api[1]);
        ChildJvm c = instance(dir, api[2]);
        for (ChildJvm jvm : List.of(a, b, c)) {
            jvm.awaitLine("Topology instance RUNNING", Duration.ofSeconds(120));
        }

        List<String> first = publishPairs(20);
        awaitAlerts(20);
        // Every instance gives the same answer for any key, whichever owns it.
        for (String container : List.of(first.get(0), first.get(7), first.get(13))) {
            JsonNode answer = get(api[0], "/api/containers/" + container);
            assertThat(answer.path("ports").toString()).isEqualTo("[\"BEANR\",\"NLRTM\"]");
            assertThat(get(api[1], "/api/containers/" + container)).isEqualTo(answer);
            assertThat(get(api[2], "/api/containers/" + container)).isEqualTo(answer);
        }
        JsonNode all = get(api[0], "/api/alerts?limit=1000");
        assertThat(all.path("count").asInt()).isEqualTo(20);
        assertThat(get(api[1], "/api/alerts?limit=1000")).isEqualTo(all);
        assertThat(get(api[2], "/api/alerts?limit=1000")).isEqualTo(all);

        // A clean shutdown: its partitions move to the others.
        a.terminate(Duration.ofSeconds(60));
        publishPairs(20);
        awaitAlerts(40);

        // A crash in the middle of work: no shutdown hook, no commit, no goodbye to the group.
        AtomicInteger sent = new AtomicInteger();
        CompletableFuture<List<String>> during = CompletableFuture.supplyAsync(() -> {
            try {
                return publishPairs(20, sent);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sent.get() >= 5 || during.isDone());
        b.kill();
        during.get();
        awaitAlerts(60);

        Map<String, Integer> alerts = committedAlerts();
        assertThat(alerts).hasSize(60);
        assertThat(alerts).allSatisfy((id, n) -> assertThat(n).as("copies of " + id).isEqualTo(1));
        // The survivor serves state it did not own before, rebuilt from standbys and changelogs.
        String[] last = {"nothing yet"};
        try {
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api[2]
                            + "/api/containers/" + first.get(0))).timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
                    last[0] = r.statusCode() + " " + r.body();
                    return r.statusCode() == 200 && JSON.readTree(r.body()).path("sightings").size() == 2;
                } catch (java.io.IOException e) {
                    last[0] = e.toString();
                    return false;
                }
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            List<String> out = c.output();
            throw new AssertionError("the survivor never served " + first.get(0) + "; last answer: " + last[0]
                    + "\n--- survivor ---\n" + String.join("\n", out.subList(Math.max(0, out.size() - 30), out.size())), e);
        }
        assertThat(get(api[2], "/api/alerts?limit=1000").path("count").asInt()).isEqualTo(60);
    }
}
