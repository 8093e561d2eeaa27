package eu.portalliance.topology.rules;

import eu.portalliance.levels.Levels;
import eu.portalliance.avro.RiskLevel;
import eu.portalliance.avro.RiskOrigin;
import eu.portalliance.ids.UnLocode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * R2: a route through a risk origin raises severity, judged by the risk list as it stood at the event's own time
 * (an origin listed after a seizure does not make that seizure riskier, and one withdrawn before it no longer counts).
 */
public final class RiskOriginRule implements Rule {
    /** The risk list at a point in time: code (country or LOCODE) → the entry in force, if any. */
    @FunctionalInterface
    public interface Lookup {
        Optional<RiskOrigin> asOf(String code, long eventTimeMs);
    }

    /** The highest level the route touches, and why. */
    public record Assessment(RiskLevel level, List<String> reasons) {
        public static final Assessment NONE = new Assessment(RiskLevel.NONE, List.of());

        /** Both assessments together: the higher level, every distinct reason. */
        public Assessment with(Assessment other) {
            if (other.level == RiskLevel.NONE && other.reasons.isEmpty()) {
                return this;
            }
            Set<String> all = new LinkedHashSet<>(reasons);
            all.addAll(other.reasons);
            return new Assessment(Levels.highest(level, other.level), List.copyOf(all));
        }
    }

    @Override
    public String id() {
        return "R2";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String description() {
        return "Route touches a risk origin (country or port) listed at the event's own time: severity +1 for HIGH origins";
    }

    public Assessment assess(List<String> routeLocodes, long eventTimeMs, Lookup lookup) {
        Set<String> codes = new LinkedHashSet<>();
        for (String locode : routeLocodes) {
            codes.add(locode);
            if (UnLocode.isValid(locode)) {
                codes.add(UnLocode.country(locode));
            }
        }
        RiskLevel max = RiskLevel.NONE;
        List<String> reasons = new ArrayList<>();
        for (String code : codes) {
            Optional<RiskOrigin> entry = lookup.asOf(code, eventTimeMs);
            if (entry.isEmpty() || entry.get().getLevel() == RiskLevel.NONE) {
                continue;
            }
            RiskOrigin r = entry.get();
            reasons.add("route touches risk origin " + code + " (" + r.getLevel() + " since "
                    + r.getValidFrom().atZone(ZoneOffset.UTC).toLocalDate() + ")");
            max = Levels.highest(max, r.getLevel());
        }
        return max == RiskLevel.NONE ? Assessment.NONE : new Assessment(max, List.copyOf(reasons));
    }

    /** Every source route, each as listed at its own event time, together. */
    public Assessment assessAll(List<Evidence.TimedRoute> routes, Lookup lookup) {
        Assessment all = Assessment.NONE;
        for (Evidence.TimedRoute r : routes) {
            all = all.with(assess(r.codes(), r.eventTimeMs(), lookup));
        }
        return all;
    }

    /** How many severity steps a set of source assessments adds: one for a HIGH origin. */
    public int severityBump(RiskLevel highestAmongSources) {
        return highestAmongSources == RiskLevel.HIGH ? 1 : 0;
    }
}
