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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outbox for code that writes with the reactive SQL client or JDBC instead of Hibernate (a hot
 * path): stages events on the caller's connection, inside the caller's transaction.
 */
@ApplicationScoped
public class OutboxRows {

    private static final String INSERT = """
            insert into outbox_message (event_id, type, topic, message_key, payload, created_at)
            values ($1, $2, $3, $4, $5, $6)""";
    private static final String INSERT_JDBC = INSERT.replaceAll("\\$\\d+", "?");

    private final EventCodec codec = new EventCodec();
    private final String source;

    OutboxRows(@ConfigProperty(name = "quarkus.application.name") String service) {
        this.source = "/" + service;
    }

    public Uni<Void> stage(SqlConnection connection, List<? extends IntegrationEvent> payloads, Instant at) {
        if (payloads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = payloads.stream().map(payload -> row(payload, at)).toList();
        return connection.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }

    /** The same on a JDBC connection: for a writer on its own (virtual) thread, off the event loops. */
    public void stage(java.sql.Connection connection, List<? extends IntegrationEvent> payloads, Instant at)
            throws java.sql.SQLException {
        if (payloads.isEmpty()) {
            return;
        }
        try (var insert = connection.prepareStatement(INSERT_JDBC)) {
            for (IntegrationEvent payload : payloads) {
                Tuple row = row(payload, at);
                for (int i = 0; i < row.size(); i++) {
                    insert.setObject(i + 1, row.getValue(i));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private <T extends IntegrationEvent> Tuple row(T payload, Instant at) {
        EventType<T> type = EventTypes.of(payload);
        var envelope = EventEnvelope.of(UUID.randomUUID().toString(), type, source, at, null, payload);
        return Tuple.of(UUID.fromString(envelope.id()), envelope.type(), type.topic(), payload.aggregateId(),
                codec.write(envelope), at.atOffset(ZoneOffset.UTC));
    }
}
