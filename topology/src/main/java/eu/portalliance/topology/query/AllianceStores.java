package eu.portalliance.topology.query;

/**
 * The names of the topology's state stores. They are part of its layout on disk and in changelog topic names, so
 * they never change once released; only this package and the topology read them.
 */
public final class AllianceStores {
    public static final String RISK_ORIGINS = "risk-origins";
    public static final String PORTS = "ports";
    public static final String SUBSCRIPTIONS = "subscriptions";
    /** Every entity's sightings, one entry per (entity, event time), indexed by time. */
    public static final String ENTITY_SIGHTINGS = "entity-sightings";
    /** Ids of the findings the entity rules raised, so a repeated finding is stopped where it is made. */
    public static final String ENTITY_FINDINGS = "entity-findings";
    public static final String ROUTE_WINDOWS = "route-windows";
    /** How far each task has judged route windows: the end of the last window stream time has closed. */
    public static final String ROUTE_WINDOWS_CLOSED = "route-windows-closed";
    /** Ids of the findings the route-surge rule raised. */
    public static final String ROUTE_FINDINGS = "route-findings";
    /** The table of alliance.alerts.v1, by alert id: outcome attribution and the analysts read it. */
    public static final String ALERTS = "alerts";
    public static final String LATEST_OUTCOMES = "latest-outcomes";
    public static final String RULE_PRECISION = "rule-precision";

    private AllianceStores() {
    }
}
