package com.goodcar.kit.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import com.goodcar.kit.retention.AgedRows;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox messages to Kafka in commit order and marks them published once the
 * broker acknowledged them. Delivery is at-least-once: a crash after the send and before the mark
 * re-sends, which consumers absorb by deduplicating on the event id.
 *
 * <p>An advisory lock lets one instance relay at a time, so events of one aggregate reach their
 * partition in order even when several pods run.
 *
 * <p>Each message is sent as a child of the trace context its row kept (the Kafka connector's
 * producer span, whose {@code traceparent} header the consumer continues), and says in its
 * {@code content-type} header that it is a structured-mode CloudEvent (the CloudEvents Kafka binding).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final AgedRows PUBLISHED = new AgedRows("outbox_message", "published_at", "published messages");
    private static final long RELAY_LOCK = 0x6f7574626f78L; // "outbox"
    /** CloudEvents Kafka protocol binding, structured mode: the value is the whole JSON event */
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    private static final RecordHeader CLOUD_EVENT = new RecordHeader("content-type",
            CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));

    private static final String PENDING = """
            select position, topic, message_key, payload, traceparent from outbox_message
            where published_at is null order by position limit $1""";

    private final Pool pool;
    private final MutinyEmitter<String> kafka;
    private final Clock clock;
    private final int batchSize;
    private final Duration retention;
    private final AtomicLong published = new AtomicLong();
    private final AtomicBoolean relaying = new AtomicBoolean();
    private volatile boolean paused;
    private volatile boolean failing;
    private Vertx vertx;
    private long timer = -1;

    OutboxRelay(Pool pool,
                @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
                MutinyEmitter<String> kafka,
                Clock clock,
                @ConfigProperty(name = "kit.outbox.batch-size", defaultValue = "500") int batchSize,
                @ConfigProperty(name = "kit.outbox.retention", defaultValue = "P7D") Duration retention) {
        this.pool = pool;
        this.kafka = kafka;
        this.clock = clock;
        this.batchSize = batchSize;
        this.retention = retention;
    }

    /** Polls on a Vert.x timer: Quarkus' scheduler does not go below one second. */
    void start(@Observes StartupEvent startup, Vertx vertx,
               @ConfigProperty(name = "kit.outbox.poll-interval", defaultValue = "PT0.1S") Duration interval) {
        this.vertx = vertx;
        this.timer = vertx.setPeriodic(interval.toMillis(), id -> {
            if (!relaying.compareAndSet(false, true)) {
                return; // the previous batch is still on its way
            }
            relayBatch().onFailure().invoke(this::reportFailure)
                    .eventually(() -> relaying.set(false))
                    .subscribe().with(n -> { }, failure -> { });
        });
    }

    /** On the way out no batch starts: the pool is closing, and what is left is published by the next start. */
    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Publishes up to one batch; returns how many messages Kafka acknowledged. */
    public Uni<Integer> relayBatch() {
        if (paused) {
            return Uni.createFrom().item(0);
        }
        return pool.withTransaction(connection -> connection
                .query("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")").execute()
                .chain(locked -> !locked.iterator().next().getBoolean(0) ? Uni.createFrom().item(0) : connection
                        .preparedQuery(PENDING).execute(Tuple.of(batchSize))
                        .map(OutboxRelay::pending)
                        .chain(batch -> publish(batch).chain(() -> markPublished(connection, batch)))));
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

    /** Published rows are kept a while for an operator's questions, then dropped: the table does not grow forever. */
    @Scheduled(identity = "outbox-prune", every = "${kit.outbox.prune-every:1h}", delayed = "1m")
    Uni<Void> pruneOnSchedule() {
        return prune().replaceWithVoid();
    }

    /** Completes with how many rows it deleted. */
    public Uni<Integer> prune() {
        return PUBLISHED.deleteOlderThan(pool, clock.instant().minus(retention));
    }

    private record Pending(long position, String topic, String key, String payload, String traceparent) {

        Message<String> message() {
            return Message.of(payload)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withTopic(topic)
                            .addHeaders(CLOUD_EVENT).build())
                    .addMetadata(TracingMetadata.withCurrent(TraceParent.parent(traceparent)));
        }
    }

    private static List<Pending> pending(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        var batch = new ArrayList<Pending>(rows.size());
        for (Row row : rows) {
            batch.add(new Pending(row.getLong(0), row.getString(1), row.getString(2), row.getString(3),
                    row.getString(4)));
        }
        return batch;
    }

    private Uni<Void> publish(List<Pending> batch) {
        if (batch.isEmpty() || paused) {
            // paused between select and send: roll back and leave the rows for later
            return batch.isEmpty() ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(new RelayPaused());
        }
        List<Uni<Void>> sends = batch.stream().map(m -> kafka.sendMessage(m.message())).toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Integer> markPublished(SqlConnection connection, List<Pending> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Long[] positions = batch.stream().map(Pending::position).toArray(Long[]::new);
        return connection.preparedQuery("update outbox_message set published_at = $1 where position = any($2)")
                .execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC), positions))
                .map(rows -> {
                    int n = rows.rowCount();
                    published.addAndGet(n);
                    if (failing) {
                        failing = false;
                        LOG.info("outbox: publishing again");
                    }
                    LOG.debugf("outbox: published %d messages up to position %d", n, positions[positions.length - 1]);
                    return n;
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
