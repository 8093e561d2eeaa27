package eu.portalliance.platform.connect;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Kafka Connect worker (connect-runtime, standalone mode) in this JVM, running the alliance's connector configs. */
public final class ConnectWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConnectWorker.class);
    private final Connect<StandaloneHerder> connect;

    private ConnectWorker(Connect<StandaloneHerder> connect) {
        this.connect = connect;
    }

    public static ConnectWorker start(Map<String, String> workerProps) {
        long t0 = System.nanoTime();
        Connect<StandaloneHerder> connect = new ConnectStandalone().startConnect(workerProps);
        log.info("Connect worker up in {} ms, REST at {}", (System.nanoTime() - t0) / 1_000_000, connect.rest().serverUrl());
        return new ConnectWorker(connect);
    }

    public static Map<String, String> load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> out = new HashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    /** Creates (or replaces) a connector and waits until the worker accepted it. */
    public void putConnector(Map<String, String> config) throws InterruptedException {
        String name = config.get("name");
        FutureCallback<org.apache.kafka.connect.runtime.Herder.Created<ConnectorInfo>> done = new FutureCallback<>();
        connect.herder().putConnectorConfig(name, config, true, done);
        try {
            done.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalArgumentException("connector " + name + " refused: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("connector " + name + " not created within 60 s", e);
        }
    }

    /** Connector and task states, e.g. "RUNNING [RUNNING]". */
    public String status(String name) {
        ConnectorStateInfo info = connect.herder().connectorStatus(name);
        return info.connector().state() + " " + info.tasks().stream().map(t -> t.state() + (t.trace() == null ? "" : ": " + firstLine(t.trace()))).toList();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public String restUrl() {
        return connect.rest().serverUrl().toString();
    }


    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
    }
}
