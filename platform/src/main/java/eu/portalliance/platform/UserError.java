package eu.portalliance.platform;

/** A problem the user can fix (a busy port, a bad flag, an unwritable folder): reported as one line, no stack trace. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
