package eu.portalliance.platform.api;

import eu.portalliance.avro.Alert;
import eu.portalliance.topics.Topic;
import io.javalin.http.sse.SseClient;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts as they are committed to alliance.alerts.v1, pushed to browsers as server-sent events. Each watcher has
 * its own bounded queue; a watcher too slow to keep up loses its oldest alerts, never the feed's.
 */
public final class AlertFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertFeed.class);
    private final KafkaConsumer<String, Alert> consumer;
    private final Set<BlockingQueue<String>> watchers = new CopyOnWriteArraySet<>();
    /** Streams whose request Javalin has not yet finished (completed its async context). */
    private final Set<BlockingQueue<String>> unfinished = new CopyOnWriteArraySet<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean serving = true;
    /** Put in a watcher's queue to end its stream: the queues carry JSON, which never starts with a NUL. */
    private static final String GOODBYE = "\u0000goodbye";

    public AlertFeed(Map<String, Object> kafkaConfig, Topic<String, Alert> alerts) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put("isolation.level", "read_committed");
        config.put("enable.auto.commit", false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), alerts.valueSerde().deserializer());
        thread = new Thread(() -> run(alerts.name()), "alert-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(String topic) {
        try {
            List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            while (running) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    String json = ApiJson.MAPPER.valueToTree(r.value()).toString();
                    for (BlockingQueue<String> q : watchers) {
                        if (!q.offer(json)) {
                            q.poll();
                            q.offer(json);
                        }
                    }
                });
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.warn("alert feed stopped: {}", e.toString());
        } finally {
            consumer.close();
        }
    }

    /** Streams alerts to one browser until it goes away; holds the request's thread meanwhile. */
    void serve(SseClient client) {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>(1000);
        watchers.add(queue);
        unfinished.add(queue);
        // Javalin finishes the request on its own thread after this handler returns; only then may the server stop.
        client.ctx().req().getAsyncContext().addListener(new Finished(queue));
        try {
            client.sendComment("connected");
            client.sendEvent("ready", "{}");
            while (serving && !client.terminated()) {
                String alert = queue.poll(15, TimeUnit.SECONDS);
                if (GOODBYE.equals(alert)) {
                    break;
                } else if (alert == null) {
                    client.sendComment("keep-alive");
                } else {
                    client.sendEvent("alert", alert);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.close();
            synchronized (watchers) {
                watchers.remove(queue);
                watchers.notifyAll();
            }
        }
    }

    /** Marks a stream's request finished once its async context completes (or fails), whichever comes first. */
    private final class Finished implements AsyncListener {
        private final BlockingQueue<String> stream;

        Finished(BlockingQueue<String> stream) {
            this.stream = stream;
        }

        private void done() {
            synchronized (watchers) {
                unfinished.remove(stream);
                watchers.notifyAll();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            done();
        }

        @Override
        public void onError(AsyncEvent event) {
            done();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // Javalin completes the request after a timeout; onComplete follows.
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }
    }

    /**
     * Ends every open stream and waits (at most {@code wait}) for their handlers to return and for Javalin to finish
     * their requests, which it does on another thread after the handler returns. The HTTP server must not stop before:
     * Jetty recycles the request, and Javalin's completion of the stream then fails on it again and again, millions of
     * log lines a minute (Javalin 7.2's error task re-queues itself when it throws).
     */
    public void releaseWatchers(Duration wait) {
        serving = false;
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (watchers) {
            for (BlockingQueue<String> q : watchers) {
                q.clear();
                q.offer(GOODBYE);
            }
            try {
                long left;
                while ((!watchers.isEmpty() || !unfinished.isEmpty()) && (left = deadline - System.nanoTime()) > 0) {
                    watchers.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How many browsers are streaming right now. */
    int openStreams() {
        return watchers.size();
    }

    /** How many stream requests the HTTP server has not finished yet. */
    int unfinishedRequests() {
        return unfinished.size();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
