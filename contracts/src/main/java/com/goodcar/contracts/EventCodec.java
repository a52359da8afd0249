package com.goodcar.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads and writes envelopes. Unknown payload fields are tolerated on read so that a producer may
 * add an optional field without breaking consumers of the same version.
 */
public final class EventCodec {

    private final ObjectMapper json;

    public EventCodec() {
        this.json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public String write(EventEnvelope<?> envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + envelope.type(), e);
        }
    }

    public EventEnvelope<?> read(String text) {
        try {
            JsonNode tree = json.readTree(text);
            String type = tree.path("type").asText();
            EventType<?> eventType = EventTypes.byType(type)
                    .orElseThrow(() -> new IllegalArgumentException("unknown event type '" + type + "'"));
            JavaType envelopeType = json.getTypeFactory()
                    .constructParametricType(EventEnvelope.class, eventType.payload());
            return json.convertValue(tree, envelopeType);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an event envelope: " + e.getOriginalMessage(), e);
        }
    }

    public JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
