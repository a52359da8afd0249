package com.goodcar.kit.inbox;

import com.goodcar.contracts.EventCodec;
import com.goodcar.contracts.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import com.goodcar.kit.retention.AgedRows;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Consumes an event at most once per consumer: the event id is recorded in the same transaction as
 * the effect, so a redelivered or duplicated event finds its id and does nothing.
 *
 * <p>A message that cannot be processed never stops the consumer: one that is not an event, of a
 * type nobody knows, or whose effect the database refuses fails as a {@link PoisonEvent}, which the
 * channel's dead-letter-queue strategy parks on {@code <topic>.dlq} (with the error and the original
 * key, partition and offset) before the next message; each is counted in
 * {@code goodcar.events.parked}. A failure that passes by itself (the database unreachable, a
 * deadlock) is retried with back-off instead, for as long as it lasts: parking an event because the
 * database restarted would lose its effect.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final AgedRows PROCESSED = new AgedRows("processed_event", "processed_at", "processed event ids");
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    private final EventCodec codec = new EventCodec();
    private final Pool pool;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration retention;

    /** @param retention how long an event id is remembered: longer than any topic keeps a message to redeliver */
    Inbox(Pool pool, MeterRegistry meters, Clock clock,
          @ConfigProperty(name = "kit.inbox.retention", defaultValue = "P30D") Duration retention) {
        this.pool = pool;
        this.meters = meters;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Decodes {@code message} and applies {@code effect} unless {@code consumer} already processed
     * it. Completes with whether the effect ran; fails with a {@link PoisonEvent} for a message that
     * can never be processed.
     */
    public Uni<Boolean> consume(String consumer, String message,
                                BiFunction<SqlConnection, EventEnvelope<?>, Uni<Void>> effect) {
        return consume(consumer, message, null, effect);
    }

    /**
     * As {@link #consume(String, String, BiFunction)}, for a consumer that acts on some types of a
     * topic only: the others are skipped without a transaction or a processed-event row (on a
     * busy topic, most messages are none of its business).
     */
    public Uni<Boolean> consume(String consumer, String message, Set<String> types,
                                BiFunction<SqlConnection, EventEnvelope<?>, Uni<Void>> effect) {
        EventEnvelope<?> event;
        try {
            event = codec.read(message);
        } catch (IllegalArgumentException e) {
            return park(consumer, null, new PoisonEvent("not an event this platform knows: " + e.getMessage(), e));
        }
        if (types != null && !types.contains(event.type())) {
            return Uni.createFrom().item(false);
        }
        return Uni.createFrom().deferred(() -> apply(consumer, event, effect))
                .onFailure(Failures::isTransient).invoke(e -> LOG.warnf(
                        "inbox %s: event %s (%s) failed for now, retrying: %s", consumer, event.id(), event.type(),
                        e.toString()))
                .onFailure(Failures::isTransient).retry().withBackOff(FIRST_RETRY, LONGEST_RETRY).indefinitely()
                .onFailure(e -> !(e instanceof PoisonEvent)).transform(e -> new PoisonEvent(
                        "event " + event.id() + " (" + event.type() + ") cannot be applied: " + e.getMessage(), e))
                .onFailure().recoverWithUni(e -> park(consumer, event, (PoisonEvent) e));
    }

    private Uni<Boolean> apply(String consumer, EventEnvelope<?> event,
                               BiFunction<SqlConnection, EventEnvelope<?>, Uni<Void>> effect) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("insert into processed_event (consumer, event_id, type, processed_at) values ($1, $2, $3, $4) on conflict do nothing")
                .execute(Tuple.of(consumer, UUID.fromString(event.id()), event.type(),
                        clock.instant().atOffset(ZoneOffset.UTC)))
                .chain(rows -> rows.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : effect.apply(connection, event).replaceWith(true)));
    }

    @Scheduled(identity = "inbox-prune", every = "${kit.inbox.prune-every:1h}", delayed = "1m")
    Uni<Void> pruneOnSchedule() {
        return prune().replaceWithVoid();
    }

    /** Completes with how many rows it deleted. */
    public Uni<Integer> prune() {
        return PROCESSED.deleteOlderThan(pool, clock.instant().minus(retention));
    }

    private Uni<Boolean> park(String consumer, EventEnvelope<?> event, PoisonEvent poison) {
        meters.counter("goodcar.events.parked", "consumer", consumer).increment();
        LOG.errorf("inbox %s: parking %s on the dead-letter queue: %s", consumer,
                event == null ? "a message" : "event " + event.id(), poison.getMessage());
        return Uni.createFrom().failure(poison);
    }
}
