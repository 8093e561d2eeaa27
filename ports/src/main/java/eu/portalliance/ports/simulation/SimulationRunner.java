package eu.portalliance.ports.simulation;

import eu.portalliance.avro.SeizureReport;
import eu.portalliance.avro.SuspiciousContainerEvent;
import eu.portalliance.ports.PortClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Publishes simulated events through each port's own {@link PortClient}, paced to a rate, reporting progress.
 * Stops when the events run out, the deadline passes, it is interrupted, or the simulated clock catches up with
 * the present (the alliance rejects events from the future).
 */
public final class SimulationRunner implements AutoCloseable {
    /** What happened. */
    public record Result(long sent, long seizures, long suspicions, double seconds, String stoppedBecause) {
        public double ratePerSecond() {
            return seconds == 0 ? 0 : sent / seconds;
        }
    }

    private final Function<String, PortClient> connect;
    private final Map<String, PortClient> clients = new HashMap<>();
    private final Clock clock;

    public SimulationRunner(Function<String, PortClient> connect, Clock clock) {
        this.connect = connect;
        this.clock = clock;
    }

    /**
     * @param ratePerSecond publishing rate; 0 or less means as fast as possible
     * @param deadline      wall-clock run time, or null for none
     * @param progress      receives one line every few seconds
     */
    public Result run(Iterator<SimEvent> events, double ratePerSecond, Duration deadline, Consumer<String> progress)
            throws InterruptedException {
        long startedNanos = System.nanoTime();
        long lastReport = startedNanos;
        long sent = 0;
        long seizures = 0;
        String why = "all events sent";
        while (events.hasNext()) {
            if (Thread.currentThread().isInterrupted()) {
                why = "interrupted";
                break;
            }
            if (deadline != null && System.nanoTime() - startedNanos >= deadline.toNanos()) {
                why = "duration reached";
                break;
            }
            SimEvent e = events.next();
            if (e.time().isAfter(clock.instant().plus(Duration.ofHours(1)))) {
                why = "the simulated clock caught up with the present";
                break;
            }
            PortClient client = clients.computeIfAbsent(e.port(), connect);
            if (e.event() instanceof SeizureReport s) {
                client.publish(s);
                seizures++;
            } else {
                client.publish((SuspiciousContainerEvent) e.event());
            }
            sent++;
            if (ratePerSecond > 0) {
                long due = startedNanos + (long) (sent * 1e9 / ratePerSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            long now = System.nanoTime();
            if (now - lastReport >= TimeUnit.SECONDS.toNanos(5)) {
                lastReport = now;
                double secs = (now - startedNanos) / 1e9;
                progress.accept(String.format("  … %,d events sent (%.0f/s), simulated time %s", sent, sent / secs, e.time()));
            }
        }
        clients.values().forEach(PortClient::flush);
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return new Result(sent, seizures, sent - seizures, seconds, why);
    }

    @Override
    public void close() {
        clients.values().forEach(PortClient::close);
        clients.clear();
    }
}
