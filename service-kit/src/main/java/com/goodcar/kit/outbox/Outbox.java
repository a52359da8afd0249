package com.goodcar.kit.outbox;

import com.goodcar.contracts.EventCodec;
import com.goodcar.contracts.EventEnvelope;
import com.goodcar.contracts.EventType;
import com.goodcar.contracts.EventTypes;
import com.goodcar.contracts.IntegrationEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stages integration events in the caller's transaction. Call it inside the same
 * {@code Panache.withTransaction} as the business write: both commit or neither does, and the
 * {@link OutboxRelay} publishes what committed, even after a crash.
 */
@ApplicationScoped
public class Outbox {

    private final EventCodec codec = new EventCodec();
    private final Clock clock;
    private final String source;

    Outbox(Clock clock, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.clock = clock;
        this.source = "/" + service;
    }

    public <T extends IntegrationEvent> Uni<EventEnvelope<T>> stage(T payload) {
        EventType<T> type = EventTypes.of(payload);
        var envelope = EventEnvelope.of(UUID.randomUUID().toString(), type, source, clock.instant(), null, payload);
        var message = new OutboxMessage();
        message.eventId = UUID.fromString(envelope.id());
        message.type = envelope.type();
        message.topic = type.topic();
        message.key = payload.aggregateId();
        message.payload = codec.write(envelope);
        message.createdAt = envelope.time();
        return message.persist().replaceWith(envelope);
    }
}
