package eu.portalliance.platform.security;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the broker refused, per principal and per "operation resource-type:name": who tried what. The counting
 * authorizer of one broker fills one of these; the platform running that broker reads it for {@code /api/health}.
 * Brokers in one JVM (tests) are kept apart by the id the platform gives its broker.
 */
public final class RefusedAccess {
    /** The broker setting that names the counts a broker's authorizer fills. */
    public static final String BROKER_SETTING = "alliance.refused.access.id";
    private static final Map<String, RefusedAccess> BY_BROKER = new ConcurrentHashMap<>();

    private final Map<String, Map<String, LongAdder>> byPrincipal = new ConcurrentHashMap<>();

    private RefusedAccess() {
    }

    public static RefusedAccess of(String id) {
        return BY_BROKER.computeIfAbsent(id, i -> new RefusedAccess());
    }

    public static void forget(String id) {
        BY_BROKER.remove(id);
    }

    void count(String principal, String what) {
        byPrincipal.computeIfAbsent(principal, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(what, w -> new LongAdder()).increment();
    }

    long total(String principal) {
        Map<String, LongAdder> counts = byPrincipal.get(principal);
        return counts == null ? 0 : counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Per port (a port principal's LOCODE, else the principal's name), what was refused and how often. */
    public Map<String, Map<String, Long>> byPort() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        byPrincipal.forEach((principal, counts) -> {
            Map<String, Long> refused = new TreeMap<>();
            counts.forEach((what, n) -> refused.put(what, n.sum()));
            out.put(portOf(principal), refused);
        });
        return out;
    }

    static String portOf(String principal) {
        String prefix = Credentials.portPrincipal("");
        return principal.startsWith(prefix) ? principal.substring(prefix.length()) : principal;
    }
}
