package eu.portalliance.validation;

/** Why an input record went to the dead-letter topic; the code is in the record's headers and labels the metric. */
public enum RejectReason {
    UNREADABLE,
    MISSING_FIELD,
    INVALID_CONTAINER_NUMBER,
    INVALID_IMO,
    INVALID_LOCODE,
    FUTURE_EVENT_TIME,
    STALE_EVENT_TIME,
    TOO_LARGE,
    PORT_MISMATCH,
    INVALID_VALUE,
    UNKNOWN_ALERT,
    PROCESSING_ERROR
}
