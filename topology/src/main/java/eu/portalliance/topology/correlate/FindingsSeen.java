package eu.portalliance.topology.correlate;

import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The ids of the findings a task has already raised, kept by the task that makes them: every finding is made in exactly
 * one partition (of its entity or route), so this is where a repeated finding is stopped, with no extra hop between
 * the event and its alert. Ids leave by the store's retention.
 */
public final class FindingsSeen {
    private final WindowStore<String, Long> store;

    public FindingsSeen(WindowStore<String, Long> store) {
        this.store = store;
    }

    /** True the first time {@code alertId} is raised; remembers it. */
    public boolean firstTime(String alertId, long raisedAt) {
        try (WindowStoreIterator<Long> seen = store.fetch(alertId, 0L, Long.MAX_VALUE)) {
            if (seen.hasNext()) {
                return false;
            }
        }
        store.put(alertId, raisedAt, raisedAt);
        return true;
    }
}
