package com.goodcar.kit.outbox;

import com.goodcar.contracts.EventCodec;
import com.goodcar.contracts.EventEnvelope;
import com.goodcar.contracts.EventType;
import com.goodcar.contracts.EventTypes;
import com.goodcar.contracts.IntegrationEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stages integration events in the caller's transaction, the only way an event leaves a service:
 * the business write and its events commit together or not at all, and the {@link OutboxRelay}
 * publishes what committed, even after a crash.
 *
 * <p>Request paths stage on their reactive connection; a writer that owns a virtual thread (the
 * auction's lot writer) stages on its JDBC connection. Both write the same row, built once.
 *
 * <p>A row keeps the trace context current where it was staged (the HTTP request's span, or the
 * consumed event's): the relay publishes the message as part of that trace. A writer on its own
 * thread has none, and its messages start traces of their own.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox_message (event_id, type, topic, message_key, payload, created_at, traceparent)
            values ($1, $2, $3, $4, $5, $6, $7)""";
    private static final String INSERT_JDBC = """
            insert into outbox_message (event_id, type, topic, message_key, payload, created_at, traceparent)
            values (?, ?, ?, ?, ?, ?, ?)""";

    private final EventCodec codec = new EventCodec();
    private final String source;

    Outbox(@ConfigProperty(name = "quarkus.application.name") String service) {
        this.source = "/" + service;
    }

    public Uni<Void> stage(SqlConnection transaction, List<? extends IntegrationEvent> payloads, Instant at) {
        if (payloads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String traceparent = TraceParent.current();
        List<Tuple> rows = payloads.stream().map(payload -> row(payload, at, traceparent).tuple()).toList();
        return transaction.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }

    public Uni<Void> stage(SqlConnection transaction, IntegrationEvent payload, Instant at) {
        return stage(transaction, List.of(payload), at);
    }

    public void stage(java.sql.Connection transaction, List<? extends IntegrationEvent> payloads, Instant at)
            throws SQLException {
        if (payloads.isEmpty()) {
            return;
        }
        String traceparent = TraceParent.current();
        try (var insert = transaction.prepareStatement(INSERT_JDBC)) {
            for (IntegrationEvent payload : payloads) {
                Row row = row(payload, at, traceparent);
                insert.setObject(1, row.eventId());
                insert.setString(2, row.type());
                insert.setString(3, row.topic());
                insert.setString(4, row.key());
                insert.setString(5, row.payload());
                insert.setObject(6, row.createdAt());
                insert.setString(7, row.traceparent());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private <T extends IntegrationEvent> Row row(T payload, Instant at, String traceparent) {
        EventType<T> type = EventTypes.of(payload);
        var envelope = EventEnvelope.of(UUID.randomUUID().toString(), type, source, at, null, payload);
        return new Row(UUID.fromString(envelope.id()), envelope.type(), type.topic(), payload.aggregateId(),
                codec.write(envelope), at.atOffset(ZoneOffset.UTC), traceparent);
    }

    private record Row(UUID eventId, String type, String topic, String key, String payload, OffsetDateTime createdAt,
                       String traceparent) {
        Tuple tuple() {
            return Tuple.tuple(Arrays.asList(eventId, type, topic, key, payload, createdAt, traceparent));
        }
    }
}
