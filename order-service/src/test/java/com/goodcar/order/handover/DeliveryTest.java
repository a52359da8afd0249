package com.goodcar.order.handover;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.contracts.store.HandoverScheduled;
import com.goodcar.contracts.store.HandoverUnassigned;
import com.goodcar.contracts.store.VehicleDelivered;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.PspSandbox;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import com.goodcar.kit.testing.Tokens;
import com.goodcar.kit.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The buyer's delivery address goes out with order.paid.v1; what the store network answers shows
 * with the order: a handover slot, no site (stuck, NO_HANDOVER_SITE), and the car handed over
 * (the order is delivered, once, even from PAID).
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "orders"))
@WithTestResource(PspSandbox.class)
class DeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final EventPublisher STORES = EventPublisher.as("/store-network-service");
    private static final Map<String, Object> ADDRESS = Map.of("city", "Guangzhou", "address", "Tianhe Road 208",
            "latitude", 23.1291, "longitude", 113.3245);

    @BeforeEach
    void consumersReady() {
        ConsumerGroups.awaitChannelAssigned("auction-lots");
        ConsumerGroups.awaitChannelAssigned("store-handovers");
    }

    @AfterAll
    static void closePublisher() {
        STORES.close();
    }

    @Test
    void theAddressTravelsWithThePaymentAndTheSitesHandoverDeliversTheOrder() {
        String order = paidOrderWithAddress();
        as("alice").get("/orders/" + order + "/delivery").then().statusCode(200).body("deliverTo.city", is("Guangzhou"));
        as("bob").get("/orders/" + order + "/delivery").then().statusCode(404);
        as("alice").body(ADDRESS).put("/orders/" + order + "/delivery/address").then().statusCode(409)
                .body("title", is("Too late for an address"));

        Instant slot = Instant.now().plus(Duration.ofDays(3));
        STORES.publish(new HandoverScheduled(order, "bkg-1", Tokens.subject("alice"), "STO-000042", "Store 42", slot,
                Instant.now()));
        Awaitility.await().atMost(WAIT).until(() -> "SCHEDULED".equals(as("alice").get("/orders/" + order + "/delivery")
                .path("handover.state")));
        as("olga").get("/orders/" + order + "/delivery").then().body("handover.siteId", is("STO-000042"));

        try (var orders = TopicProbe.from("order.orders")) {
            var delivered = new VehicleDelivered(order, "bkg-1", Tokens.subject("alice"), "STO-000042", Instant.now());
            STORES.publish(delivered);
            STORES.publish(delivered);
            Awaitility.await().atMost(WAIT).until(() -> "DELIVERED".equals(as("alice").get("/orders/" + order).path("state")));
            orders.await(r -> order.equals(r.key()) && r.value().contains("order.delivered.v1"), WAIT).orElseThrow();
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> orders.received(r ->
                    order.equals(r.key()) && r.value().contains("order.delivered.v1")).size() == 1);
        }
    }

    @Test
    void aCarNoSiteCanTakeIsListedStuckUntilTheStoreNetworkSchedulesIt() {
        String order = paidOrderWithAddress();
        STORES.publish(new HandoverUnassigned(order, Tokens.subject("alice"), "NO_SITE_WITH_CAPACITY", Instant.now()));
        Awaitility.await().atMost(WAIT).until(() -> stuckReason(order).equals("NO_HANDOVER_SITE"));
        as("alice").get("/orders/" + order + "/delivery").then().body("handover.state", is("UNASSIGNED"))
                .body("handover.reason", is("NO_SITE_WITH_CAPACITY"));
        STORES.publish(new HandoverScheduled(order, "bkg-2", Tokens.subject("alice"), "STO-000043", "Store 43",
                Instant.now().plus(Duration.ofDays(3)), Instant.now()));
        Awaitility.await().atMost(WAIT).until(() -> stuckReason(order).isEmpty());
    }

    @Test
    void anAddressIsCheckedAndOnlyTheBuyerGivesIt() {
        String order = orderOf(closed(8_000));
        as("alice").body(Map.of("city", "X", "address", "Y", "latitude", 91, "longitude", 0))
                .put("/orders/" + order + "/delivery/address").then().statusCode(400);
        as("bob").body(ADDRESS).put("/orders/" + order + "/delivery/address").then().statusCode(404);
        as("olga").body(ADDRESS).put("/orders/" + order + "/delivery/address").then().statusCode(403);
        as("alice").body(ADDRESS).put("/orders/" + order + "/delivery/address").then().statusCode(200)
                .body("deliverTo.longitude", is(113.3245f));
    }

    private String paidOrderWithAddress() {
        String order = orderOf(closed(8_000)); // the deposit covers it: paid without the provider
        as("alice").post("/orders/" + order + "/confirm").then().statusCode(200);
        as("alice").body(ADDRESS).put("/orders/" + order + "/delivery/address").then().statusCode(200);
        try (var orders = TopicProbe.from("order.orders")) {
            as("alice").post("/orders/" + order + "/pay").then().statusCode(200).body("state", is("PAID"));
            var paid = orders.await(r -> order.equals(r.key()) && r.value().contains("order.paid.v1"), WAIT).orElseThrow();
            assertTrue(paid.value().contains("\"deliverTo\":{\"city\":\"Guangzhou\""), paid.value());
        }
        return order;
    }

    private static String stuckReason(String order) {
        List<String> reasons = as("olga").get("/orders/stuck").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.order.id == '" + order + "' }.reason");
        assertTrue(reasons.size() <= 1);
        return reasons.isEmpty() ? "" : reasons.getFirst();
    }

    private static String closed(long hammer) {
        String lot = "lot-" + UUID.randomUUID();
        try (var auction = EventPublisher.as("/auction-service")) {
            auction.publish(new AuctionClosed(lot, "AION-UT-SUPER-NGC001", "SOLD", Tokens.subject("alice"), "K3XQ9PZ1A7MB",
                    hammer, 10_000, 23_733, Instant.now()));
        }
        return lot;
    }

    private static String orderOf(String lot) {
        Awaitility.await().atMost(WAIT).until(() -> !TestDatabase.text("select id from orders where lot_id = ?", lot)
                .isEmpty());
        String id = TestDatabase.text("select id from orders where lot_id = ?", lot);
        assertEquals(1, TestDatabase.number("select count(*) from orders where lot_id = ?", lot));
        return id;
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/json");
    }
}
