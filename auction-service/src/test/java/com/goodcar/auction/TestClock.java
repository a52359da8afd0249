package com.goodcar.auction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock auction-service runs on in its @QuarkusTests (it replaces service-kit's default bean):
 * the system clock, which a test may move forward to a lot's end instead of racing a short end
 * on the wall clock. Tests that move it put it back afterwards ({@link #reset()}).
 */
@ApplicationScoped
public class TestClock {

    private static volatile Duration offset = Duration.ZERO;

    private static final Clock CLOCK = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the test clock is UTC");
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    };

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }

    /** What the service takes for now. */
    public static Instant now() {
        return CLOCK.instant();
    }

    /** Moves the service's clock forward so that it reads {@code instant} now (never backwards). */
    public static void advanceTo(Instant instant) {
        Duration to = Duration.between(Instant.now(), instant);
        if (to.compareTo(offset) > 0) {
            offset = to;
        }
    }

    public static void reset() {
        offset = Duration.ZERO;
    }
}
