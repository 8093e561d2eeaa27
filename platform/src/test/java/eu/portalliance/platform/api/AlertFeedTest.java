package eu.portalliance.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.portalliance.platform.FreePorts;
import eu.portalliance.registry.RestSchemaRegistryClient;
import eu.portalliance.topics.Topics;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The HTTP server stops only after every open alert stream has ended: a stream handler still running when Jetty
 * recycles its request made Javalin fail on it in a loop, millions of log lines a minute.
 */
class AlertFeedTest {

    @Test
    void closingTheServerEndsOpenStreamsFirst() throws Exception {
        int[] ports = FreePorts.pick(2);
        // Nothing listens on the first port: the feed has no alerts to read, which is all this test needs.
        try (AlertFeed feed = new AlertFeed(Map.of("bootstrap.servers", "127.0.0.1:" + ports[0]),
                Topics.alertsTopic(new RestSchemaRegistryClient("http://127.0.0.1:" + ports[0])))) {
            AnalystServer server = AnalystServer.start("127.0.0.1", ports[1], null, feed, Map::of, Duration.ofDays(7));
            HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()
                    + "/api/cases/stream")).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.equals("event: ready"));
            assertThat(line).as("the stream's ready event").isEqualTo("event: ready");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> feed.openStreams() == 1);

            server.close();

            assertThat(feed.openStreams()).as("stream handlers still running once the server has stopped").isZero();
            // Not only returned: Javalin finishes the request on another thread afterwards, and a server stopped before
            // that left it failing on the recycled request in a loop (a CI run of 2026-11-28 wrote 6 GB of log so).
            assertThat(feed.unfinishedRequests()).as("stream requests Javalin had not finished when the server stopped").isZero();
        }
    }
}
