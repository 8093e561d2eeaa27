package eu.portalliance.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where this JVM's CPU went, by kind of thread: one topology instance's stream threads, its global thread and its
 * producers' I/O threads, every other Java thread (the broker's, the registry's, the bench's clients), the JIT, and the
 * rest (the garbage collector, RocksDB's own threads). On two cores shared by all of them, events per second moves by a
 * third from run to run with the same build; the CPU per event of each kind moves far less, and it says which kind a
 * change made cheaper.
 */
final class ThreadCpu {
    static final String STREAM = "stream threads";
    static final String GLOBAL = "global thread";
    static final String PRODUCER_IO = "its producers' I/O";
    static final String TOPOLOGY_OTHER = "its other threads";
    static final String OTHER_JAVA = "other Java threads (broker, registry, bench clients)";
    static final String JIT = "JIT";
    static final String REST = "the rest (GC, RocksDB's threads)";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds of each Java thread, with the process's and the JIT's, at one moment. */
    record Reading(String applicationId, Map<Long, Long> threads, Map<Long, String> kinds, long process, Map<String, Long> jit) {
    }

    private ThreadCpu() {
    }

    /** Whether this JVM measures its threads' and its process's CPU time. */
    static boolean available() {
        return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled() && processNanos() >= 0;
    }

    static Reading now(String applicationId) {
        Map<Long, Long> threads = new HashMap<>();
        Map<Long, String> kinds = new HashMap<>();
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null) {
                long cpu = THREADS.getThreadCpuTime(t.getThreadId());
                if (cpu >= 0) {
                    threads.put(t.getThreadId(), cpu);
                    kinds.put(t.getThreadId(), kind(t.getThreadName(), applicationId));
                }
            }
        }
        return new Reading(applicationId, threads, kinds, processNanos(), CompilerCpu.now());
    }

    /**
     * Milliseconds of CPU each kind used since {@code before}, in a fixed order; a thread that ended meanwhile takes its
     * time into "the rest", which is what the process used beyond the threads read.
     */
    static Map<String, Double> millisSince(Reading before) {
        Reading after = now(before.applicationId());
        Map<String, Double> out = new LinkedHashMap<>();
        for (String kind : new String[] {STREAM, GLOBAL, PRODUCER_IO, TOPOLOGY_OTHER, OTHER_JAVA}) {
            out.put(kind, 0.0);
        }
        double java = 0;
        for (Map.Entry<Long, Long> t : after.threads().entrySet()) {
            double ms = (t.getValue() - before.threads().getOrDefault(t.getKey(), 0L)) / 1e6;
            out.merge(after.kinds().get(t.getKey()), ms, Double::sum);
            java += ms;
        }
        double jit = 1000 * CompilerCpu.secondsBetween(before.jit(), after.jit());
        out.put(JIT, jit);
        out.put(REST, Math.max(0, (after.process() - before.process()) / 1e6 - java - jit));
        return out;
    }

    /** All the CPU of a {@link #millisSince} split, in µs per event. */
    static double microsPerEvent(Map<String, Double> millisByKind, double events) {
        return 1000 * millisByKind.values().stream().mapToDouble(d -> d).sum() / events;
    }

    /** The split itself, each kind in µs per event: "stream threads 95, global thread 18, …". */
    static String split(Map<String, Double> millisByKind, double events) {
        return millisByKind.entrySet().stream().map(e -> String.format("%s %.0f", e.getKey(), 1000 * e.getValue() / events))
                .collect(Collectors.joining(", "));
    }

    private static String kind(String threadName, String applicationId) {
        if (!threadName.contains(applicationId + "-")) {
            return OTHER_JAVA;
        }
        if (threadName.endsWith("-GlobalStreamThread")) {
            return GLOBAL;
        }
        if (threadName.matches(".*-StreamThread-\\d+")) {
            return STREAM;
        }
        return threadName.contains("producer") ? PRODUCER_IO : TOPOLOGY_OTHER;
    }

    private static long processNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }
}
