package eu.portalliance.topology.routing;

import eu.portalliance.levels.Levels;
import eu.portalliance.avro.Alert;
import eu.portalliance.avro.Subscription;
import eu.portalliance.ids.UnLocode;
import eu.portalliance.topology.alerts.AlertAttributes;
import java.util.ArrayList;
import java.util.List;

/** Whether an alert is what a subscriber asked for. Empty lists in a subscription mean "any". */
public final class SubscriptionMatcher {
    private SubscriptionMatcher() {
    }

    public static boolean matches(Subscription s, Alert a) {
        if (!s.getAlertTypes().isEmpty() && !s.getAlertTypes().contains(a.getType())) {
            return false;
        }
        if (!Levels.atLeast(a.getSeverity(), s.getMinimumSeverity())) {
            return false;
        }
        if (!s.getPorts().isEmpty()) {
            List<String> touched = new ArrayList<>(a.getPorts());
            touched.addAll(a.getAddressedTo());
            if (touched.stream().noneMatch(s.getPorts()::contains)) {
                return false;
            }
        }
        if (!s.getOrigins().isEmpty()) {
            return AlertAttributes.origins(a).stream().anyMatch(origin -> s.getOrigins().contains(origin)
                    || s.getOrigins().contains(UnLocode.isValid(origin) ? UnLocode.country(origin) : origin));
        }
        return true;
    }
}
