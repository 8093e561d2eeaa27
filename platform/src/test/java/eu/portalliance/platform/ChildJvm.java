package eu.portalliance.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** Runs {@code bin/alliance}'s main class in a child JVM, as a user would, and collects what it prints. */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final Path workingDir;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ChildJvm(Process process, Path workingDir) {
        this.process = process;
        this.workingDir = workingDir;
        reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ChildJvm alliance(String... args) throws IOException {
        return start(List.of(), args);
    }

    /**
     * With the logging a user gets (the shipped log4j2.xml: the console for what needs them, the rest in the data
     * folder's log file) rather than the tests' own, which prints everything.
     */
    public static ChildJvm allianceAsShipped(String... args) throws IOException {
        return start(List.of("-Dlog4j2.configurationFile=log4j2.xml"), args);
    }

    private static ChildJvm start(List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add("eu.portalliance.platform.cli.AllianceCli");
        command.addAll(List.of(args));
        // A fresh working folder: whatever a command writes under its relative defaults (./data) lands there, never
        // in the source tree.
        Path workingDir = Files.createTempDirectory("alliance-child-");
        return new ChildJvm(new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true).start(), workingDir);
    }

    /** The child's working folder, where relative paths such as the default {@code ./data} resolve. */
    public Path workingDir() {
        return workingDir;
    }

    public void awaitLine(String fragment, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (hasLine(fragment)) {
                return true;
            }
            if (!process.isAlive()) {
                reader.join(5_000);
                throw new AssertionError("child exited with " + process.exitValue() + " before printing '" + fragment
                        + "':\n" + String.join("\n", out));
            }
            return false;
        });
    }

    public boolean hasLine(String fragment) {
        return out.stream().anyMatch(l -> l.contains(fragment));
    }

    public List<String> output() {
        return List.copyOf(out);
    }

    /**
     * Sends SIGTERM, as Ctrl-C would (SIGINT and SIGTERM both run the JVM's shutdown hooks). Through the
     * ProcessHandle, because Process.destroy() also closes our end of the child's stdout and we want to read
     * what it prints while stopping.
     */
    public int terminate(Duration timeout) throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("did not stop within " + timeout + ":\n" + String.join("\n", out));
        }
        reader.join(5_000);
        return process.exitValue();
    }

    /** Kills the JVM without letting it clean up (SIGKILL): no shutdown hook, no commit, no leave-group. */
    public void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("did not exit within " + timeout + ":\n" + String.join("\n", out));
        }
        reader.join(5_000);
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        Folders.deleteQuietly(workingDir);
    }
}
