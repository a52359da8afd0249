package com.goodcar.stores.handover;

import static com.goodcar.stores.TestSites.as;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.contracts.order.DeliveryAddress;
import com.goodcar.contracts.order.OrderCancelled;
import com.goodcar.contracts.order.OrderPaid;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import com.goodcar.kit.testing.Tokens;
import com.goodcar.kit.testing.TopicProbe;
import com.goodcar.stores.TestSites;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A paid order becomes a handover at the nearest site with a free place; when none can take the car
 * it is unassigned, says why, and an operator assigns it; the site's "done" delivers the car.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "stores"))
class HandoverTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final EventPublisher ORDERS = EventPublisher.as("/order-service");
    private static final double LATITUDE = TestSites.LATITUDE + 6;

    @BeforeEach
    void consumerReady() {
        ConsumerGroups.awaitChannelAssigned("order-orders");
    }

    @AfterAll
    static void closePublisher() {
        ORDERS.close();
    }

    @Test
    void aPaidCarIsScheduledAtTheNearestSiteWithAPlaceAndDeliveredWhenTheSiteSaysDone() {
        double longitude = TestSites.LONGITUDE;
        // the nearest site takes no handovers for now (0 places); the next one does
        String full = TestSites.put(TestSites.id("HAND"), LATITUDE, longitude + 0.01, 0, "VEHICLE_HANDOVER");
        String open = TestSites.put(TestSites.id("HAND"), LATITUDE, longitude + 0.05, 1, "VEHICLE_HANDOVER");
        String order = "ord-" + UUID.randomUUID();
        try (var handovers = TopicProbe.from("store.handovers")) {
            paid(order, "alice", new DeliveryAddress("Test City", "No. 9 Test Road", LATITUDE, longitude));
            var scheduled = handovers.await(r -> order.equals(r.key()) && r.value().contains("store.handover-scheduled.v1"),
                    WAIT).orElseThrow();
            assertTrue(scheduled.value().contains(open) && !scheduled.value().contains(full), scheduled.value());

            String booking = as("alice").get("/handovers/" + order).then().statusCode(200).body("state", is("SCHEDULED"))
                    .body("siteId", is(open)).extract().path("bookingId");
            Instant slot = Instant.parse(as("alice").get("/bookings/" + booking).then().statusCode(200)
                    .body("capability", is("VEHICLE_HANDOVER")).extract().path("slotStart"));
            assertTrue(slot.isAfter(Instant.now().plus(Duration.ofDays(2))), "the car needs two days to reach the site");
            as("bob").get("/handovers/" + order).then().statusCode(404);
            as("alice").post("/bookings/" + booking + "/cancel").then().statusCode(409)
                    .body("title", is("A handover is not cancelled here"));

            // a redelivered payment makes no second handover
            paid(order, "alice", new DeliveryAddress("Test City", "No. 9 Test Road", LATITUDE, longitude));
            as("olga").post("/outlets/" + open + "/bookings/" + booking + "/done").then().statusCode(200)
                    .body("state", is("DONE"));
            var delivered = handovers.await(r -> order.equals(r.key()) && r.value().contains("store.vehicle-delivered.v1"),
                    WAIT).orElseThrow();
            assertTrue(delivered.value().contains(booking), delivered.value());
            as("alice").get("/handovers/" + order).then().body("state", is("DELIVERED"));
            assertEquals(1, TestDatabase.number("select count(*) from booking where order_id = ?", order));
        }
    }

    @Test
    void withoutAnAddressOrAnySiteNearTheCarIsUnassignedUntilAnOperatorAssignsIt() {
        String nowhere = "ord-" + UUID.randomUUID();
        String far = "ord-" + UUID.randomUUID();
        try (var handovers = TopicProbe.from("store.handovers")) {
            paid(nowhere, "bob", null);
            // the middle of the sea between the test sites and anything else
            paid(far, "bob", new DeliveryAddress("Nowhere", "At sea", -40.0, -120.0));
            var unassigned = handovers.await(r -> nowhere.equals(r.key()) && r.value().contains("store.handover-unassigned.v1"),
                    WAIT).orElseThrow();
            assertTrue(unassigned.value().contains("NO_ADDRESS"), unassigned.value());
            var none = handovers.await(r -> far.equals(r.key()) && r.value().contains("store.handover-unassigned.v1"),
                    WAIT).orElseThrow();
            assertTrue(none.value().contains("NO_SITE_WITH_CAPACITY"), none.value());

            var listed = as("olga").get("/handovers/unassigned").then().statusCode(200).extract().jsonPath();
            assertTrue(listed.getList("orderId").contains(nowhere) && listed.getList("orderId").contains(far));
            as("bob").get("/handovers/unassigned").then().statusCode(403);
            as("bob").get("/handovers/" + far).then().statusCode(200).body("state", is("UNASSIGNED"))
                    .body("reason", is("NO_SITE_WITH_CAPACITY")).body("siteId", nullValue());

            String site = TestSites.put(TestSites.id("HAND"), LATITUDE, TestSites.LONGITUDE + 1, 1, "VEHICLE_HANDOVER");
            Instant slot = TestSites.slot(72);
            as("olga").body(Map.of("siteId", site, "slotStart", slot.toString())).post("/handovers/" + far + "/assign")
                    .then().statusCode(200).body("state", is("SCHEDULED")).body("siteId", is(site));
            handovers.await(r -> far.equals(r.key()) && r.value().contains("store.handover-scheduled.v1"), WAIT).orElseThrow();
            as("olga").body(Map.of("siteId", site, "slotStart", slot.toString())).post("/handovers/" + far + "/assign")
                    .then().statusCode(409);
            // the only place of that slot is taken: assigning another car to it is refused
            as("olga").body(Map.of("siteId", site, "slotStart", slot.toString())).post("/handovers/" + nowhere + "/assign")
                    .then().statusCode(409).body("title", is("Slot full"));
            assertTrue(!as("olga").get("/handovers/unassigned").then().extract().jsonPath().getList("orderId").contains(far));
        }
    }

    @Test
    void aCancelledOrderGivesItsHandoverSlotBack() {
        String site = TestSites.put(TestSites.id("HAND"), LATITUDE, TestSites.LONGITUDE + 2, 1, "VEHICLE_HANDOVER");
        String order = "ord-" + UUID.randomUUID();
        paid(order, "carol", new DeliveryAddress("Test City", "No. 3 Test Road", LATITUDE, TestSites.LONGITUDE + 2));
        Awaitility.await().atMost(WAIT).until(() -> "SCHEDULED".equals(as("carol").get("/handovers/" + order).path("state")));
        assertEquals(1, TestDatabase.number("select coalesce(sum(booked), 0) from slot_load where site_id = ?", site));

        ORDERS.publish(new OrderCancelled(order, null, Tokens.subject("carol"), true, Instant.now()));
        ORDERS.publish(new OrderCancelled(order, null, Tokens.subject("carol"), true, Instant.now()));
        Awaitility.await().atMost(WAIT).until(() -> "WITHDRAWN".equals(as("carol").get("/handovers/" + order).path("state")));
        assertEquals(0, TestDatabase.number("select coalesce(sum(booked), 0) from slot_load where site_id = ?", site));
        assertEquals(1, TestDatabase.number("select count(*) from booking where order_id = ? and state = 'CANCELLED'", order));
    }

    private static void paid(String order, String buyer, DeliveryAddress to) {
        ORDERS.publish(new OrderPaid(order, null, Tokens.subject(buyer), 1_000_000, Instant.now(), to));
    }
}
