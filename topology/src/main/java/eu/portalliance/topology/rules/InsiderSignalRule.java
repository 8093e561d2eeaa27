package eu.portalliance.topology.rules;

import eu.portalliance.avro.Indicator;
import eu.portalliance.topology.avro.Sighting;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * R7: insider signals (a release right reassigned just before pickup, a gate-out before customs release, a
 * terminal record edited after selection for scan) raise the severity of any alert whose sources carry them.
 */
public final class InsiderSignalRule implements Rule {
    public static final Set<Indicator> INSIDER = EnumSet.of(
            Indicator.RELEASE_RIGHT_REASSIGNED, Indicator.GATE_OUT_BEFORE_RELEASE, Indicator.TOS_RECORD_EDITED);

    @Override
    public String id() {
        return "R7";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String description() {
        return "Insider signals among the sources (release right reassigned, gate-out before release, TOS record edited): severity +1";
    }

    /** One reason per source that carries insider signals; empty when none do. */
    public List<String> reasons(List<Sighting> sources) {
        List<String> reasons = new ArrayList<>();
        for (Sighting s : sources) {
            List<Indicator> insider = s.getIndicators().stream().filter(INSIDER::contains).distinct().toList();
            if (!insider.isEmpty()) {
                reasons.add("insider signal at " + s.getPort() + ": " + insider);
            }
        }
        return reasons;
    }
}
