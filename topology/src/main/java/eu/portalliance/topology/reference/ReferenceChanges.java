package eu.portalliance.topology.reference;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the changes to one global store, so a stream thread can keep what it read from the store until the next
 * change. The global thread writes the store first and counts after; a reader that sees the same count as when it
 * read has read what the store still holds.
 */
public final class ReferenceChanges {
    private final AtomicLong count = new AtomicLong();

    public long current() {
        return count.get();
    }

    void changed() {
        count.incrementAndGet();
    }
}
