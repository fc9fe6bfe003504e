package org.allmende.events.wire;

/** A payload that cannot be read as the event its headers announce. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
