package eu.portalliance.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the repository's Python port system (clients/python/alliance_port.py) with Debian's python3 and
 * confluent-kafka on librdkafka 2.0.2: a port system in another language, as a port would run it.
 */
public final class PythonPort {
    public record Run(int code, String out, String err) {
    }

    private PythonPort() {
    }

    public static Path script() {
        Path module = Path.of(System.getProperty("user.dir"));
        for (Path dir = module; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("clients/python/alliance_port.py");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("clients/python/alliance_port.py not found above " + module);
    }

    public static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("python-port", ".out");
        Path err = Files.createTempFile("python-port", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the Python port system did not finish in 120 s: " + command);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
