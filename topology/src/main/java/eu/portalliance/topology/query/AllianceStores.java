package eu.portalliance.topology.query;

/**
 * The names of the topology's state stores. They are part of its layout on disk and in changelog topic names, so
 * they never change once released; only this package and the topology read them.
 */
public final class AllianceStores {
    public static final String RISK_ORIGINS = "risk-origins";
    public static final String PORTS = "ports";
    public static final String SUBSCRIPTIONS = "subscriptions";
    public static final String ENTITY_HISTORIES = "entity-histories";
    public static final String ROUTE_WINDOWS = "route-windows";
    /** How far each task has judged route windows: the end of the last window stream time has closed. */
    public static final String ROUTE_WINDOWS_CLOSED = "route-windows-closed";
    public static final String ALERT_INDEX = "alert-index";
    public static final String LATEST_OUTCOMES = "latest-outcomes";
    public static final String RULE_PRECISION = "rule-precision";

    private AllianceStores() {
    }
}
