package eu.portalliance.topology.routing;

import eu.portalliance.avro.Alert;
import eu.portalliance.avro.DeliveryBasis;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.Subscription;
import eu.portalliance.topics.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may receive an alert, by its handling code (TLP 2.0):
 * RED only the originating ports, and Europol where a source names it; AMBER+STRICT only the organisations
 * involved (originating ports and the recipients the sources name); AMBER alliance members; GREEN and CLEAR every
 * subscriber. The ports involved always receive their alert. Nobody without a known alerts topic is sent anything.
 */
public final class HandlingPolicy {
    public static final String EUROPOL = "EUROPOL";

    /** What the reference data says about a would-be recipient that has no subscription. */
    public interface Directory {
        /** True for a port that is an alliance member (and so has its alerts topic). */
        boolean isMemberPort(String id);
    }

    private HandlingPolicy() {
    }

    public static List<Recipient> recipients(Alert alert, Collection<Subscription> subscriptions, Directory directory) {
        Map<String, Subscription> byId = new LinkedHashMap<>();
        subscriptions.forEach(s -> byId.put(s.getSubscriberId(), s));
        Map<String, DeliveryBasis> candidates = new LinkedHashMap<>();
        alert.getPorts().forEach(p -> candidates.putIfAbsent(p, DeliveryBasis.INVOLVED));
        alert.getNamedRecipients().forEach(n -> candidates.putIfAbsent(n, DeliveryBasis.NAMED));
        alert.getAddressedTo().forEach(p -> candidates.putIfAbsent(p, DeliveryBasis.ADDRESSED));
        byId.values().stream().filter(s -> SubscriptionMatcher.matches(s, alert))
                .forEach(s -> candidates.putIfAbsent(s.getSubscriberId(), DeliveryBasis.SUBSCRIBED));

        List<Recipient> out = new ArrayList<>();
        candidates.forEach((id, basis) -> {
            Optional<Subscription> sub = Optional.ofNullable(byId.get(id));
            boolean member = sub.map(Subscription::getAllianceMember).orElse(false) || directory.isMemberPort(id);
            if (!allowed(alert.getHandlingCode(), id, basis, member)) {
                return;
            }
            Optional<String> topic = sub.map(s -> s.getAlertsTopic() != null ? s.getAlertsTopic() : Topics.alertsFor(id));
            if (topic.isEmpty() && (basis == DeliveryBasis.INVOLVED || directory.isMemberPort(id))) {
                topic = Optional.of(Topics.alertsFor(id));
            }
            topic.ifPresent(t -> out.add(new Recipient(id, t, basis,
                    sub.map(Subscription::getNeedToKnowParties).orElse(false),
                    sub.map(Subscription::getMinimumScore).orElse(0.0), sub.map(Subscription::getDailyCap).orElse(0))));
        });
        return out;
    }

    static boolean allowed(HandlingCode code, String id, DeliveryBasis basis, boolean member) {
        return switch (code) {
            case TLP_RED -> basis == DeliveryBasis.INVOLVED || (basis == DeliveryBasis.NAMED && EUROPOL.equals(id));
            case TLP_AMBER_STRICT -> basis == DeliveryBasis.INVOLVED || basis == DeliveryBasis.NAMED;
            case TLP_AMBER -> basis == DeliveryBasis.INVOLVED || basis == DeliveryBasis.NAMED || member;
            case TLP_GREEN, TLP_CLEAR -> true;
        };
    }
}
