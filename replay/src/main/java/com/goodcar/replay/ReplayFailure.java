package com.goodcar.replay;

/** The replay cannot go on: the platform answered something no correct platform would. */
public class ReplayFailure extends RuntimeException {

    public ReplayFailure(String message) {
        super(message);
    }

    public ReplayFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
