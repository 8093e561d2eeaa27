package eu.portalliance.topology.rules;

import eu.portalliance.levels.Levels;
import eu.portalliance.avro.HandlingCode;
import eu.portalliance.avro.HandlingRestriction;
import eu.portalliance.avro.Party;
import eu.portalliance.avro.RiskLevel;
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
 * parties, and what the severity modifiers (R2 risk origins, R7 insider signals) found in them.
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
        RiskLevel maxRisk,
        List<String> riskReasons,
        List<String> insiderReasons,
        List<String> origins,
        List<String> namedRecipients) {

    private static final InsiderSignalRule INSIDER = new InsiderSignalRule();

    public static Evidence of(List<Sighting> sources) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> ports = new TreeSet<>();
        Set<HandlingRestriction> restrictions = new TreeSet<>();
        Map<String, Party> parties = new LinkedHashMap<>();
        Set<String> riskReasons = new LinkedHashSet<>();
        Set<String> origins = new LinkedHashSet<>();
        Set<String> named = new LinkedHashSet<>();
        HandlingCode code = HandlingCode.TLP_CLEAR;
        RiskLevel risk = RiskLevel.NONE;
        double kg = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        Set<String> countedEvents = new LinkedHashSet<>();
        for (Sighting s : sources) {
            ids.add(s.getEventId());
            ports.add(s.getPort());
            restrictions.addAll(s.getHandlingRestrictions());
            code = Levels.mostRestrictive(code, s.getHandlingCode());
            risk = Levels.highest(risk, s.getRiskLevel());
            riskReasons.addAll(s.getRiskReasons());
            named.addAll(s.getSharedWith());
            if (s.getOriginPort() != null) {
                origins.add(s.getOriginPort());
            }
            if (countedEvents.add(s.getEventId())) {
                kg += s.getKilograms();
            }
            s.getParties().forEach(p -> parties.putIfAbsent(p.getName() + "|" + p.getEori(), p));
            first = Math.min(first, s.getEventTime().toEpochMilli());
            last = Math.max(last, s.getEventTime().toEpochMilli());
        }
        return new Evidence(List.copyOf(ids), ports, code, List.copyOf(restrictions), kg, first, last,
                List.copyOf(parties.values()), risk, List.copyOf(riskReasons), INSIDER.reasons(sources), List.copyOf(origins),
                List.copyOf(named));
    }
}
