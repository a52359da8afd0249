package com.goodcar.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FixtureRoundTripTest {

    private final EventCodec codec = new EventCodec();

    static Stream<EventType<?>> eventTypes() {
        return EventTypes.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyEventHasAFixtureThatRoundTripsUnchanged(EventType<?> type) {
        String fixture = Fixtures.of(type);

        EventEnvelope<?> decoded = codec.read(fixture);

        assertEquals(type.type(), decoded.type());
        assertEquals(type.version(), decoded.eventversion());
        assertEquals(type.payload(), decoded.data().getClass());
        assertEquals(decoded.subject(), decoded.data().aggregateId());
        assertEquals(codec.tree(fixture), codec.tree(codec.write(decoded)),
                "re-encoding the fixture must give the same JSON");
    }

    @Test
    void typeNameCarriesTheVersion() {
        assertEquals("catalog.vehicle-listed.v1", EventTypes.VEHICLE_LISTED.type());
        assertEquals(EventTypes.VEHICLE_LISTED, EventTypes.byType("catalog.vehicle-listed.v1").orElseThrow());
    }

    @Test
    void unknownTypeIsRejectedWithItsName() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> codec.read("{\"type\":\"catalog.vehicle-sold.v9\",\"data\":{}}"));
        assertEquals("unknown event type 'catalog.vehicle-sold.v9'", error.getMessage());
    }

    @Test
    void fixturesLiveWhereServicesFindThem() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/catalog.price-changed.v1.json")) {
            assertNotNull(in);
            assertEquals('{', new String(in.readAllBytes(), StandardCharsets.UTF_8).charAt(0));
        }
    }
}
