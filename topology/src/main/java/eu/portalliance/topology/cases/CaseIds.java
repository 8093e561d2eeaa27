package eu.portalliance.topology.cases;

import eu.portalliance.topology.alerts.AlertIds;

/**
 * Case ids are a function of what the case is, never of when or in which order its evidence arrived: an entity's case
 * by its earliest evidence (event time, then event id), a route's case by its window.
 */
public final class CaseIds {
    private static final String PREFIX = "CASE";

    private CaseIds() {
    }

    public static String ofEntity(String entityKey, String rootEventId) {
        return AlertIds.of(PREFIX, entityKey + "|" + rootEventId);
    }

    public static String ofRouteWindow(String route, long windowStart) {
        return AlertIds.of(PREFIX, "ROUTE|" + route + "|" + windowStart);
    }
}
