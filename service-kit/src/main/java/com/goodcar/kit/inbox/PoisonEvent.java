package com.goodcar.kit.inbox;

/**
 * A message that can never be processed as it is: not an event, a type nobody knows, or an effect
 * the database refuses. It fails the message, and the channel's dead-letter queue parks it.
 */
public final class PoisonEvent extends RuntimeException {

    public PoisonEvent(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
