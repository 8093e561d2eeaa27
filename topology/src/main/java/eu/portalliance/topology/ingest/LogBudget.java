package eu.portalliance.topology.ingest;

import eu.portalliance.validation.RejectReason;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many rejects are logged one by one: the first few of each reason per minute. A flood of bad records is on
 * the DLQ and in the metrics record by record; in the log it is a few examples and a count, not a million lines.
 */
final class LogBudget {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    static final int PER_REASON_PER_MINUTE = 10;
    private static final long MINUTE_MS = 60_000;
    private final Map<RejectReason, long[]> windows = new EnumMap<>(RejectReason.class);

    /** Whether this reject may be logged on its own; otherwise it is counted for the minute's summary line. */
    synchronized boolean shouldLog(RejectReason reason) {
        long now = System.currentTimeMillis();
        long[] w = windows.computeIfAbsent(reason, r -> new long[] {now, 0, 0});
        if (now - w[0] >= MINUTE_MS) {
            if (w[2] > 0) {
                log.warn("{} more {} reject(s) in the minute from {} not logged one by one: every one is on the DLQ "
                        + "and in the dead-letters metrics", w[2], reason, java.time.Instant.ofEpochMilli(w[0]));
            }
            w[0] = now;
            w[1] = 0;
            w[2] = 0;
        }
        if (w[1] < PER_REASON_PER_MINUTE) {
            w[1]++;
            return true;
        }
        w[2]++;
        return false;
    }
}
