package com.goodcar.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The golden JSON example of each event, shipped with the contracts so consumers can test against it. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String of(EventType<?> type) {
        String path = "/fixtures/" + type.type() + ".json";
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + path + " for " + type.type());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
