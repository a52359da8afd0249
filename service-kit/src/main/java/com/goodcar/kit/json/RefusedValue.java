package com.goodcar.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON value of the right type that this platform still refuses; {@code reason} says why, for the client. */
public final class RefusedValue extends JsonMappingException {

    private final String reason;

    RefusedValue(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
