package com.goodcar.kit.payment;

import com.goodcar.kit.retention.AgedRows;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The nonces of accepted callbacks, in the service's {@code callback_nonce (nonce, received_at)}
 * table: a delivery whose nonce was seen is a replay. Forgets the nonces no replay can use any more:
 * a callback is genuine only within max-age of its timestamp, and its timestamp was within max-age
 * of its arrival, so two max-ages after arrival a replay is refused as stale before its nonce is
 * looked at.
 */
@ApplicationScoped
@IfBuildProperty(name = "kit.payment.enabled", stringValue = "true")
public class CallbackNonces {

    private static final AgedRows USED = new AgedRows("callback_nonce", "received_at", "callback nonces");
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final Pool pool;
    private final Clock clock;
    private final Duration kept;

    CallbackNonces(Pool pool, Clock clock, @ConfigProperty(name = "psp.callback-max-age") Duration maxAge) {
        this.pool = pool;
        this.clock = clock;
        this.kept = maxAge.multipliedBy(2).plus(MARGIN);
    }

    /**
     * Records the nonce on the caller's transaction and checks the notification reports a payment;
     * fails with {@link CallbackCapture.Refused} for a nonce seen before (a replay) or a state other
     * than PAID.
     */
    public static Uni<Void> firstDelivery(SqlConnection connection, PaymentNotification paid, String nonce,
                                          Instant now) {
        return connection.preparedQuery("insert into callback_nonce (nonce, received_at) values ($1, $2) on conflict do nothing")
                .execute(Tuple.of(nonce, now.atOffset(ZoneOffset.UTC)))
                .invoke(inserted -> {
                    if (inserted.rowCount() == 0) {
                        throw new CallbackCapture.Refused(CallbackCapture.Refusal.REPLAYED_NONCE,
                                "nonce " + nonce + " was used before");
                    }
                    if (!"PAID".equals(paid.state())) {
                        throw new CallbackCapture.Refused(CallbackCapture.Refusal.NOT_PAID, "state " + paid.state());
                    }
                }).replaceWithVoid();
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
