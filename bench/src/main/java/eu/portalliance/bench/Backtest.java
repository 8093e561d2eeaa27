package eu.portalliance.bench;

import eu.portalliance.platform.kafka.Lag;
import eu.portalliance.topics.Topics;
import eu.portalliance.topology.AllianceStreams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * Everything the bench stored so far, replayed by a fresh instance under a new application id: what re-running the
 * rules over history costs. Its start-up is reported apart, because it does not grow with the events replayed and the
 * replay does.
 */
final class Backtest {
    private static final String APPLICATION_ID = "bench-backtest";
    private final Bench bench;

    Backtest(Bench bench) {
        this.bench = bench;
    }

    void measure() throws Exception {
        Report report = bench.report();
        try (Admin admin = bench.admin()) {
            long stored = Offsets.total(admin, bench.inputPartitions());
            long facts = Offsets.total(admin, Offsets.partitions(admin, List.of(Topics.SCREENING_INTELLIGENCE)));
            ThreadCpu.Reading cpuBefore = ThreadCpu.now(APPLICATION_ID);
            long t0 = System.nanoTime();
            try (AllianceStreams backtest = bench.startTopology(APPLICATION_ID)) {
                backtest.awaitRunning(Duration.ofMinutes(10));
                long running = System.nanoTime();
                long done = Lag.awaitCaughtUp(admin, APPLICATION_ID, bench.inputPartitions(), 1800);
                report.add("backtest", stored / Bench.secs(done - t0), "events/s", String.format("%,d stored events replayed "
                        + "from scratch under a new application id", stored));
                report.add("backtest: start-up", Bench.secs(running - t0), "s", String.format("until the new instance runs: "
                        + "its internal topics created, its stores opened, the screening intelligence (%,d records) read into "
                        + "its global store", facts));
                report.add("backtest: replay", stored / Bench.secs(done - running), "events/s", "from running to every input "
                        + "and internal partition committed");
                if (ThreadCpu.available()) {
                    Map<String, Double> cpu = ThreadCpu.millisSince(cpuBefore);
                    report.add("backtest: CPU per event", ThreadCpu.microsPerEvent(cpu, stored), "µs/event", "this JVM from "
                            + "the new instance's start until it caught up, by kind of thread in µs/event: "
                            + ThreadCpu.split(cpu, stored));
                }
            }
        }
    }
}
