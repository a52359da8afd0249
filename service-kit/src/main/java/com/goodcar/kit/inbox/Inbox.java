package com.goodcar.kit.inbox;

import com.goodcar.contracts.EventCodec;
import com.goodcar.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * Consumes an event at most once per consumer: the event id is recorded in the same transaction as
 * the effect, so a redelivered or duplicated event finds its id and does nothing.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private final EventCodec codec = new EventCodec();
    private final Pool pool;

    Inbox(Pool pool) {
        this.pool = pool;
    }

    /**
     * Decodes {@code message} and applies {@code effect} unless {@code consumer} already processed
     * it. Completes with whether the effect ran; a message that is not an event we know is logged
     * and skipped, never retried forever.
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
            LOG.warnf("inbox %s: skipping a message that is not a known event (%s)", consumer, e.getMessage());
            return Uni.createFrom().item(false);
        }
        if (types != null && !types.contains(event.type())) {
            return Uni.createFrom().item(false);
        }
        return pool.withTransaction(connection -> connection
                .preparedQuery("insert into processed_event (consumer, event_id, type, processed_at) values ($1, $2, $3, $4) on conflict do nothing")
                .execute(Tuple.of(consumer, UUID.fromString(event.id()), event.type(), OffsetDateTime.now(ZoneOffset.UTC)))
                .chain(rows -> rows.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : effect.apply(connection, event).replaceWith(true)));
    }
}
