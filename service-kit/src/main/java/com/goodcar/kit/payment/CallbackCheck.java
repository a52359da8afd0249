package com.goodcar.kit.payment;

import java.time.Clock;
import java.time.Duration;

/** The stateless half of accepting a provider callback: the signature and the age. Plain Java. */
public final class CallbackCheck {

    public enum Verdict { GENUINE, BAD_SIGNATURE, STALE }

    /** far past any genuine timestamp; clamping to it keeps the age arithmetic exact for any header */
    private static final long MAX_EPOCH_SECOND = 10_000_000_000L;

    private final CallbackSignature signature;
    private final Duration maxAge;
    private final Clock clock;

    public CallbackCheck(CallbackSignature signature, Duration maxAge, Clock clock) {
        this.signature = signature;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public Verdict check(String timestamp, String nonce, String body, String signed) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException | NullPointerException e) {
            return Verdict.BAD_SIGNATURE;
        }
        if (!signature.verify(seconds, nonce, body, signed)) {
            return Verdict.BAD_SIGNATURE;
        }
        long age = Math.abs(clock.instant().getEpochSecond() - Math.max(0, Math.min(seconds, MAX_EPOCH_SECOND)));
        return age > maxAge.toSeconds() ? Verdict.STALE : Verdict.GENUINE;
    }
}
