package eu.portalliance.topology.surge;

import eu.portalliance.levels.Levels;
import eu.portalliance.avro.HandlingRestriction;
import eu.portalliance.topology.avro.RouteWindow;
import eu.portalliance.topology.avro.Sighting;
import eu.portalliance.topology.rules.RiskOriginRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The aggregation of seizures into a route's window. */
public final class RouteWindows {
    private RouteWindows() {
    }

    public static RouteWindow empty() {
        return RouteWindow.newBuilder().setFirstEventTime(Long.MAX_VALUE).setLastEventTime(Long.MIN_VALUE).build();
    }

    /** @param risk R2 for this seizure, judged at its own event time */
    public static RouteWindow add(Sighting seizure, RiskOriginRule.Assessment risk, RouteWindow w) {
        if (w.getEventIds().contains(seizure.getEventId())) {
            return w;
        }
        long t = seizure.getEventTime().toEpochMilli();
        // Every id, sorted: a replay of any of them is recognised, and the lineage is the same whatever the order.
        TreeSet<String> ids = new TreeSet<>(w.getEventIds());
        ids.add(seizure.getEventId());
        Set<HandlingRestriction> restrictions = new TreeSet<>(w.getHandlingRestrictions());
        restrictions.addAll(seizure.getHandlingRestrictions());
        Set<String> reasons = new LinkedHashSet<>(w.getRiskReasons());
        reasons.addAll(risk.reasons());
        return RouteWindow.newBuilder(w)
                .setCount(w.getCount() + 1)
                .setKilograms(w.getKilograms() + seizure.getKilograms())
                .setEventIds(new ArrayList<>(ids))
                .setHandlingCode(Levels.mostRestrictive(w.getHandlingCode(), seizure.getHandlingCode()))
                .setHandlingRestrictions(List.copyOf(restrictions))
                .setRiskLevel(Levels.highest(w.getRiskLevel(), risk.level()))
                .setRiskReasons(List.copyOf(reasons))
                .setFirstEventTime(Math.min(w.getFirstEventTime(), t))
                .setLastEventTime(Math.max(w.getLastEventTime(), t))
                .build();
    }
}
