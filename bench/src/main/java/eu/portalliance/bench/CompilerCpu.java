package eu.portalliance.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's JIT compiler threads, read from Linux's per-thread accounting. The JVM's own
 * {@code CompilationMXBean} adds up how long compilations took, not the CPU they used: on a busy two-core machine a
 * compilation waits for a core, and that figure reads as more than a core. The JVM may stop idle compiler threads
 * (here it did with {@code -XX:-TieredCompilation} and with C1 alone), and a thread that ended takes its time with it:
 * readings are kept per thread, so the figure is then a lower bound, never negative (a sum over the threads alive at
 * each end read -159 % of a core once).
 */
final class CompilerCpu {
    /** Linux's USER_HZ: the unit of utime and stime in /proc, 100 on every mainstream kernel build. */
    private static final double TICKS_PER_SECOND = 100;

    private CompilerCpu() {
    }

    /** Whether this system accounts threads' CPU where {@link #seconds} reads it (Linux). */
    static boolean available() {
        return Files.isDirectory(Path.of("/proc/self/task"));
    }

    /** The compiler threads' CPU since {@code before} (a {@link #now} reading), in % of a core over the seconds. */
    static double percentOfACore(Map<String, Long> before, double wallSeconds) {
        return 100 * secondsSince(before) / wallSeconds;
    }

    /** Seconds of CPU the compiler threads used since {@code before}: each live thread's ticks beyond its own reading. */
    static double secondsSince(Map<String, Long> before) {
        return secondsBetween(before, now());
    }

    /** Seconds of CPU the compiler threads used between two {@link #now} readings. */
    static double secondsBetween(Map<String, Long> before, Map<String, Long> after) {
        long ticks = 0;
        for (Map.Entry<String, Long> thread : after.entrySet()) {
            ticks += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** Waits (at most two minutes) until the compile queue the warm-up left has drained, where /proc shows it. */
    static void awaitQuiet() throws InterruptedException {
        if (!available()) {
            return;
        }
        long t0 = System.nanoTime();
        Map<String, Long> last = now();
        int quiet = 0;
        while (quiet < 3 && (System.nanoTime() - t0) / 1e9 < 120) {
            Thread.sleep(1000);
            Map<String, Long> now = now();
            quiet = secondsBetween(last, now) < 0.1 ? quiet + 1 : 0;
            last = now;
        }
        System.out.printf("JIT quiet after %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** Each compiler thread's CPU ticks so far, by thread id; empty where /proc is not there to read. */
    static Map<String, Long> now() {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                long t = compilerTicks(task);
                if (t >= 0) {
                    ticks.put(task.getFileName().toString(), t);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return Map.of();
        }
        return ticks;
    }

    /** The thread's user and system ticks; -1 for a thread that is not a compiler thread or has ended. */
    private static long compilerTicks(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).strip();
            if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
                return -1;
            }
            String stat = Files.readString(task.resolve("stat"));
            // The name field is in parentheses and may hold spaces: count fields from after it.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
            return -1; // the thread ended between the listing and the read
        }
    }
}
