package com.goodcar.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * The wire form of every integration event, a structured-mode CloudEvent (attribute names from
 * CloudEvents 1.0 and its distributed-tracing extension).
 *
 * @param id           unique per event; consumers deduplicate on it
 * @param specversion  always {@code 1.0}
 * @param type         e.g. {@code catalog.vehicle-listed.v1}
 * @param eventversion the payload's schema version, also the suffix of {@code type}
 * @param source       the producing service, e.g. {@code /catalog-service}
 * @param subject      the aggregate id
 * @param time         when the business fact happened
 * @param traceparent  W3C trace context of the request that caused it, when there was one
 * @param data         the payload
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope<T extends IntegrationEvent>(
        String id,
        String specversion,
        String type,
        int eventversion,
        String source,
        String subject,
        Instant time,
        String datacontenttype,
        String traceparent,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    public static <T extends IntegrationEvent> EventEnvelope<T> of(
            String id, EventType<T> eventType, String source, Instant time, String traceparent, T data) {
        return new EventEnvelope<>(id, SPEC_VERSION, eventType.type(), eventType.version(), source,
                data.aggregateId(), time, CONTENT_TYPE, traceparent, data);
    }
}
