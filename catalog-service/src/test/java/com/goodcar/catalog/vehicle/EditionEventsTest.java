package com.goodcar.catalog.vehicle;

import static com.goodcar.catalog.Operators.as;
import static com.goodcar.catalog.Operators.createModel;
import static com.goodcar.catalog.Operators.listEdition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.goodcar.contracts.EventCodec;
import com.goodcar.contracts.EventTypes;
import com.goodcar.contracts.Fixtures;
import com.goodcar.contracts.Topics;
import com.goodcar.contracts.catalog.PriceChanged;
import com.goodcar.contracts.catalog.VehicleListed;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The shape of what catalog-service publishes. That a committed change's event survives a crash of
 * the process is EditionEventsCrashIT's: a real SIGKILL of the packaged service.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class EditionEventsTest {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    private final EventCodec codec = new EventCodec();

    @Test
    void aListedEditionArrivesOnTheRealTopicShapedLikeItsContractFixture() {
        createModel("EVENT-MODEL", 550);
        try (var probe = TopicProbe.from(Topics.CATALOG_EDITIONS)) {
            listEdition("EVENT-MODEL", "EVENT-MODEL-PRO", 20_000_000L);

            var record = probe.await(r -> "EVENT-MODEL-PRO".equals(r.key()), EVENT_TIMEOUT).orElseThrow();
            var envelope = codec.read(record.value());
            assertEquals("catalog.vehicle-listed.v1", envelope.type());
            assertEquals("/catalog-service", envelope.source());
            assertEquals(new VehicleListed("EVENT-MODEL-PRO", "EVENT-MODEL", "Test Motors", "Model EVENT-MODEL",
                    "Edition EVENT-MODEL-PRO", 20_000_000L, null, ((VehicleListed) envelope.data()).listedAt()),
                    envelope.data());
            assertSameShape(codec.tree(Fixtures.of(EventTypes.VEHICLE_LISTED)), codec.tree(record.value()), "$",
                    "traceparent", "limitedQuantity");
        }
    }

    @Test
    void aPriceChangeArrivesOnTheRealTopicShapedLikeItsContractFixture() {
        createModel("PRICE-EVENT-MODEL", 450);
        listEdition("PRICE-EVENT-MODEL", "PRICE-EVENT-MODEL-STD", 13_000_000L);
        try (var probe = TopicProbe.from(Topics.CATALOG_EDITIONS)) {
            as("olga").body(Map.of("listPriceFen", 12_500_000L, "reason", "spring offer"))
                    .put("/editions/PRICE-EVENT-MODEL-STD/price").then().statusCode(200);

            var record = probe.await(r -> "PRICE-EVENT-MODEL-STD".equals(r.key())
                    && r.value().contains("catalog.price-changed.v1"), EVENT_TIMEOUT).orElseThrow();
            var changed = (PriceChanged) codec.read(record.value()).data();
            assertEquals(13_000_000L, changed.previousPriceFen());
            assertEquals(12_500_000L, changed.newPriceFen());
            assertSameShape(codec.tree(Fixtures.of(EventTypes.PRICE_CHANGED)), codec.tree(record.value()), "$",
                    "traceparent");
        }
    }

    /** Same field names and JSON types as the fixture, except optional fields that may be absent or null. */
    private static void assertSameShape(JsonNode expected, JsonNode actual, String path, String... optional) {
        var optionalFields = java.util.Set.of(optional);
        if (expected.isObject()) {
            var names = new TreeSet<String>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode e = expected.get(name);
                JsonNode a = actual.get(name);
                if (optionalFields.contains(name) && (a == null || a.isNull() || e == null)) {
                    continue;
                }
                assertTrue(e != null && a != null, path + "." + name + " differs from the fixture: " + e + " vs " + a);
                assertSameShape(e, a, path + "." + name, optional);
            }
            return;
        }
        assertEquals(expected.getNodeType(), actual.getNodeType(), path + " has another JSON type than in the fixture");
    }
}
