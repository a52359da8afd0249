package com.goodcar.deposit.payment;

import com.goodcar.kit.retention.AgedRows;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forgets the nonces no replay can use any more. A callback is genuine only within max-age of its
 * timestamp, and its timestamp was within max-age of its arrival: two max-ages after arrival, a
 * replay is refused as stale before its nonce is looked at.
 */
@ApplicationScoped
public class CallbackNonces {

    private static final AgedRows USED = new AgedRows("callback_nonce", "received_at", "callback nonces");
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final Pool pool;
    private final Clock clock;
    private final Duration kept;

    CallbackNonces(Pool pool, Clock clock,
                   @ConfigProperty(name = "psp.callback-max-age") Duration maxAge) {
        this.pool = pool;
        this.clock = clock;
        this.kept = maxAge.multipliedBy(2).plus(MARGIN);
    }

    @Scheduled(identity = "callback-nonce-prune", every = "${psp.nonce-prune-every:10m}", delayed = "1m")
    Uni<Void> pruneOnSchedule() {
        return prune().replaceWithVoid();
    }

    /** Completes with how many rows it deleted. */
    public Uni<Integer> prune() {
        return USED.deleteOlderThan(pool, clock.instant().minus(kept));
    }
}
