package eu.portalliance.ports;

/** A JSON event that does not fit the contract: the message names the field and what is wrong with it. */
public final class EventFormatException extends Exception {
    public EventFormatException(String message) {
        super(message, null, false, false);
    }
}
