package eu.portalliance.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's JIT compiler threads, read from Linux's per-thread accounting. The JVM's own
 * {@code CompilationMXBean} adds up how long compilations took, not the CPU they used: on a busy two-core machine a
 * compilation waits for a core, and that figure reads as more than a core. On bigger machines the JVM stops idle
 * extra compiler threads, and a thread that ended takes its time with it: the figure is then a lower bound.
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

    /** The compiler threads' CPU since {@code before} (a {@link #seconds} reading), in % of a core over the seconds. */
    static double percentOfACore(double before, double wallSeconds) {
        return 100 * (seconds() - before) / wallSeconds;
    }

    /** Seconds of CPU the compiler threads have used so far; 0 where /proc is not there to read. */
    static double seconds() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.mapToLong(CompilerCpu::compilerTicks).sum() / TICKS_PER_SECOND;
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static long compilerTicks(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).strip();
            if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
                return 0;
            }
            String stat = Files.readString(task.resolve("stat"));
            // The name field is in parentheses and may hold spaces: count fields from after it.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
            return 0; // the thread ended between the listing and the read
        }
    }
}
