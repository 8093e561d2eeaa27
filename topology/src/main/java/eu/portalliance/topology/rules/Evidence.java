package eu.portalliance.topology.rules;

import eu.portalliance.levels.Levels;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.HandlingRestriction;
import eu.portalliance.avro.Party;
import eu.portalliance.topology.avro.Sighting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The facts an alert needs from its source events: lineage, ports, the most restrictive handling code, kilograms,
 * parties, the routes the risk-origin modifier (R2) judges at alert time, and what the insider modifier (R7) found.
 *
 * @param routes    each source's route with its event time, for R2 "as listed at the event's own time"
 * @param knownRisk R2 already judged (a route window judges each seizure as it arrives), NONE otherwise
 */
public record Evidence(
        List<String> eventIds,
        Set<String> ports,
        HandlingCode handlingCode,
        List<HandlingRestriction> restrictions,
        double kilograms,
        long firstEventTime,
        long lastEventTime,
        List<Party> parties,
        List<TimedRoute> routes,
        RiskOriginRule.Assessment knownRisk,
        List<String> insiderReasons,
        List<String> origins,
        List<String> namedRecipients) {

    /** A source's route (port of loading, then transshipments) and when the source happened. */
    public record TimedRoute(List<String> codes, long eventTimeMs) {
    }

    private static final InsiderSignalRule INSIDER = new InsiderSignalRule();

    public static Evidence of(List<Sighting> sources) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> ports = new TreeSet<>();
        Set<HandlingRestriction> restrictions = new TreeSet<>();
        Map<String, Party> parties = new LinkedHashMap<>();
        Set<String> origins = new LinkedHashSet<>();
        Set<String> named = new LinkedHashSet<>();
        HandlingCode code = HandlingCode.TLP_CLEAR;
        List<TimedRoute> routes = new ArrayList<>();
        double kg = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        Set<String> countedEvents = new LinkedHashSet<>();
        for (Sighting s : sources) {
            ids.add(s.getEventId());
            ports.add(s.getPort());
            restrictions.addAll(s.getHandlingRestrictions());
            code = Levels.mostRestrictive(code, s.getHandlingCode());
            named.addAll(s.getSharedWith());
            if (!s.getRouteCodes().isEmpty()) {
                origins.add(s.getRouteCodes().get(0));
                routes.add(new TimedRoute(s.getRouteCodes(), s.getEventTime().toEpochMilli()));
            }
            if (countedEvents.add(s.getEventId())) {
                kg += s.getKilograms();
            }
            s.getParties().forEach(p -> parties.putIfAbsent(p.getName() + "|" + p.getEori(), p));
            first = Math.min(first, s.getEventTime().toEpochMilli());
            last = Math.max(last, s.getEventTime().toEpochMilli());
        }
        return new Evidence(List.copyOf(ids), ports, code, List.copyOf(restrictions), kg, first, last,
                List.copyOf(parties.values()), List.copyOf(routes), RiskOriginRule.Assessment.NONE, INSIDER.reasons(sources),
                List.copyOf(origins),
                List.copyOf(named));
    }
}
