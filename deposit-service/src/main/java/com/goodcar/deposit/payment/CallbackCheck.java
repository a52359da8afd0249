package com.goodcar.deposit.payment;

import com.goodcar.deposit.psp.CallbackSignature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The stateless half of accepting a provider callback: the signature and the age. Plain Java. */
public final class CallbackCheck {

    public enum Verdict { GENUINE, BAD_SIGNATURE, STALE }

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
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        return age.compareTo(maxAge) > 0 ? Verdict.STALE : Verdict.GENUINE;
    }
}
