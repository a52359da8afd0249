package com.goodcar.kit.outbox;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox messages to Kafka in commit order and marks them published once the
 * broker acknowledged them. Delivery is at-least-once: a crash after the send and before the mark
 * re-sends, which consumers absorb by deduplicating on the event id.
 *
 * <p>An advisory lock lets one instance relay at a time, so events of one aggregate reach their
 * partition in order even when several pods run.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6f7574626f78L; // "outbox"

    private final Mutiny.SessionFactory sessions;
    private final MutinyEmitter<String> kafka;
    private final Clock clock;
    private final int batchSize;
    private final Duration retention;
    private final AtomicLong published = new AtomicLong();
    private final AtomicBoolean relaying = new AtomicBoolean();
    private volatile boolean paused;
    private volatile boolean failing;

    OutboxRelay(Mutiny.SessionFactory sessions,
                @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
                MutinyEmitter<String> kafka,
                Clock clock,
                @ConfigProperty(name = "kit.outbox.batch-size", defaultValue = "500") int batchSize,
                @ConfigProperty(name = "kit.outbox.retention", defaultValue = "P7D") Duration retention) {
        this.sessions = sessions;
        this.kafka = kafka;
        this.clock = clock;
        this.batchSize = batchSize;
        this.retention = retention;
    }

    /** Polls on a Vert.x timer: Quarkus' scheduler does not go below one second. */
    void start(@Observes StartupEvent startup, Vertx vertx,
               @ConfigProperty(name = "kit.outbox.poll-interval", defaultValue = "PT0.1S") Duration interval) {
        vertx.setPeriodic(interval.toMillis(), id -> {
            if (!relaying.compareAndSet(false, true)) {
                return; // the previous batch is still on its way
            }
            // Hibernate Reactive wants a duplicated context marked safe, as a request would have
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> {
                try {
                    relayBatch().onFailure().invoke(this::reportFailure)
                            .eventually(() -> relaying.set(false))
                            .subscribe().with(n -> { }, failure -> { });
                } catch (RuntimeException e) {
                    relaying.set(false);
                    reportFailure(e);
                }
            });
        });
    }

    /** Publishes up to one batch; returns how many messages Kafka acknowledged. */
    public Uni<Integer> relayBatch() {
        if (paused) {
            return Uni.createFrom().item(0);
        }
        return sessions.withTransaction(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")", Boolean.class)
                .getSingleResult()
                .chain(locked -> !locked ? Uni.createFrom().item(0) : session
                        .createSelectionQuery("from OutboxMessage where publishedAt is null order by position",
                                OutboxMessage.class)
                        .setMaxResults(batchSize)
                        .getResultList()
                        .chain(batch -> publish(batch).chain(() -> markPublished(session, batch)))));
    }

    /** Stops publishing: committed messages wait in the table, as they would while the process is down. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public long publishedCount() {
        return published.get();
    }

    @Scheduled(identity = "outbox-prune", every = "1h", delayed = "1m")
    Uni<Void> prune() {
        return sessions.withTransaction(session -> session
                .createMutationQuery("delete from OutboxMessage where publishedAt < :before")
                .setParameter("before", clock.instant().minus(retention))
                .executeUpdate()
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("outbox: pruned %d messages published before the last %s", n, retention);
                    }
                })).replaceWithVoid();
    }

    private Uni<Void> publish(List<OutboxMessage> batch) {
        if (batch.isEmpty() || paused) {
            // paused between select and send: roll back and leave the rows for later
            return batch.isEmpty() ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(new RelayPaused());
        }
        List<Uni<Void>> sends = batch.stream()
                .map(m -> kafka.sendMessage(Message.of(m.payload).addMetadata(
                        OutgoingKafkaRecordMetadata.<String>builder().withKey(m.key).withTopic(m.topic).build())))
                .toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Integer> markPublished(Mutiny.Session session, List<OutboxMessage> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Long> positions = batch.stream().map(m -> m.position).toList();
        return session.createMutationQuery("update OutboxMessage set publishedAt = :now where position in :positions")
                .setParameter("now", clock.instant())
                .setParameter("positions", positions)
                .executeUpdate()
                .invoke(n -> {
                    published.addAndGet(n);
                    if (failing) {
                        failing = false;
                        LOG.info("outbox: publishing again");
                    }
                    LOG.debugf("outbox: published %d messages up to position %d", n, positions.getLast());
                });
    }

    private void reportFailure(Throwable failure) {
        if (failure instanceof RelayPaused) {
            return;
        }
        if (!failing) {
            failing = true;
            LOG.warnf("outbox: cannot publish (%s); messages stay in the table and are retried", failure.toString());
        }
    }

    private static final class RelayPaused extends RuntimeException {
        RelayPaused() {
            super("relay paused", null, false, false);
        }
    }
}
