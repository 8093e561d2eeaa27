package eu.portalliance.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import eu.portalliance.topology.query.AllianceQueries;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The other topology instances, as the API sees them: a keyed lookup is forwarded to the instance that owns the
 * key, a scan asks every instance for its own partitions ({@code scope=local}) and merges. A peer that cannot answer
 * makes the whole answer unavailable (503): a partial answer is never passed off as a whole one.
 */
final class Peers {
    private static final String LOCAL = "scope=local";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final AllianceQueries queries;

    Peers(AllianceQueries queries) {
        this.queries = queries;
    }

    /** Whether this request is another instance asking for this one's partitions only. */
    static boolean askedForLocalPart(Context ctx) {
        return "local".equals(ctx.queryParam("scope"));
    }

    /** Answers with what {@code owner} answers for the same request. */
    void forward(Context ctx, HostInfo owner) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(localPartOf(owner, ctx)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            ctx.status(r.statusCode()).contentType("application/json").result(r.body());
        } catch (IOException e) {
            throw new AllianceQueries.Unavailable("instance " + owner + " owns this key but did not answer: try again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AllianceQueries.Unavailable("interrupted");
        }
    }

    /** This instance's items and every peer's, as JSON. */
    List<JsonNode> gather(Context ctx, List<?> mine) {
        List<JsonNode> all = new ArrayList<>();
        mine.forEach(item -> all.add(ApiJson.MAPPER.valueToTree(item)));
        for (HostInfo peer : queries.peers()) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(localPartOf(peer, ctx)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new AllianceQueries.Unavailable("instance " + peer + " answered " + r.statusCode() + ": try again shortly");
                }
                ApiJson.MAPPER.readTree(r.body()).forEach(all::add);
            } catch (IOException e) {
                throw new AllianceQueries.Unavailable("instance " + peer + " did not answer (" + e.getClass().getSimpleName()
                        + "): try again shortly");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AllianceQueries.Unavailable("interrupted");
            }
        }
        return all;
    }

    /** The same request, for another instance to answer from its own partitions only. */
    private static URI localPartOf(HostInfo peer, Context ctx) {
        String query = ctx.queryString();
        return URI.create("http://" + peer.host() + ":" + peer.port() + ctx.req().getRequestURI() + "?"
                + (query == null || query.isEmpty() ? LOCAL : query + "&" + LOCAL));
    }
}
