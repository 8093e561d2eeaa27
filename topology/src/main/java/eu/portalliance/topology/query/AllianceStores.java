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
    public static final String ROUTE_WINDOWS = "route-windows";
    /** How far each task has judged route windows: the end of the last window stream time has closed. */
    public static final String ROUTE_WINDOWS_CLOSED = "route-windows-closed";
    /** Daily-cap decisions per recipient: new cases counted per day, and what was held back. */
    public static final String DELIVERY_CAPS = "delivery-caps";
    /** The table of alliance.alerts.v1, by alert id: outcome attribution and the analysts read it. */
    public static final String ALERTS = "alerts";
    public static final String LATEST_OUTCOMES = "latest-outcomes";
    public static final String RULE_PRECISION = "rule-precision";
    /** Every instance's copy of alliance.rule-precision.v1, for the score. */
    public static final String RULE_PRECISION_ALL = "rule-precision-all";
    /** Each entity's cases: the findings connected over its sightings. */
    public static final String ENTITY_CASES = "entity-cases";
    /**
     * Each port's origin mix over the last weeks, one record per port and week (this task's sample of the traffic).
     * (Named apart from the store of one record per port it replaced: the changelog's value schema changed.)
     */
    public static final String PORT_ORIGINS = "port-origin-weeks";

    /**
     * Every instance's copy of alliance.screening.intelligence.v1: what the alliance knows per entity and kind. (Named
     * apart from the global table it replaced, whose folder holds values in the timestamped layout.)
     */
    public static final String SCREENING_INTELLIGENCE = "screening-intelligence-latest";
    /** Every instance's copy of the screening profile's versions (named apart from the global table it replaced). */
    public static final String SCREENING_PROFILES = "screening-profiles-latest";

    /** The recommendations a result was already counted for (the first result per recommendation counts). */
    public static final String SCAN_RESULTS_SEEN = "scan-results-seen";
    /** Hit rates per profile version and criterion. */
    public static final String SCREENING_PRECISION = "screening-precision";
    /** The scoreboard's counts, by week|origin|port. */
    public static final String SCOREBOARD = "scoreboard";
    /** The route surges (R13) the displacement rule watches, by origin. */
    public static final String SCOREBOARD_SURGES = "scoreboard-surges";
    /** How far each task has judged the scoreboard's weeks, and each displacement case's revision. */
    public static final String SCOREBOARD_MARKS = "scoreboard-marks";
    /** The restricted-intelligence matches already told to their owners, by source and vessel call. */
    public static final String WITHHELD_MATCHES_SEEN = "withheld-matches-seen";

    private AllianceStores() {
    }
}
