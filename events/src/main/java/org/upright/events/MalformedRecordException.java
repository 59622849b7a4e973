package org.upright.events;

/** A record on a topic that does not fit its contract; consumers dead-letter it. */
public class MalformedRecordException extends RuntimeException {

    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedRecordException(String message) {
        super(message);
    }
}
