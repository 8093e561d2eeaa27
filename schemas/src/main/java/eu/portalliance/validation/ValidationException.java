package eu.portalliance.validation;

/**
 * Thrown by validation so the record travels to the dead-letter topic through Kafka Streams' processing
 * exception handler, which still has the record's original bytes.
 */
public final class ValidationException extends RuntimeException {
    private final RejectReason reason;

    public ValidationException(RejectReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
