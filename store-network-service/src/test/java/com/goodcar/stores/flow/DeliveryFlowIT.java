package com.goodcar.stores.flow;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.PspSandbox;
import com.goodcar.kit.testing.RunDatabase;
import com.goodcar.kit.testing.ServiceProcess;
import com.goodcar.kit.testing.StackAddresses;
import com.goodcar.kit.testing.Tokens;
import com.goodcar.stores.TestSites;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A won car from payment to the buyer's hands, with the packaged order- and store-network-service,
 * the PSP sandbox and Kafka between them: alice says where she wants the car and pays; the store
 * network books the handover at the nearest site that has a place; the site's dealer (dave, of
 * OUT-000123) marks it handed over through the partner API; the order is delivered.
 */
class DeliveryFlowIT {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final double LATITUDE = TestSites.LATITUDE + 12;
    private static RunDatabase ordersDb;
    private static RunDatabase storesDb;
    private static PspSandbox sandbox;
    private static ServiceProcess orders;
    private static ServiceProcess stores;

    @BeforeAll
    static void start() {
        ordersDb = StackAddresses.runDatabase("orders", "orders_flow_" + RUN);
        storesDb = StackAddresses.runDatabase("stores", "stores_flow_" + RUN);
        ordersDb.create();
        storesDb.create();
        sandbox = PspSandbox.started(RUN);
        String orderGroup = "order-flow-" + RUN;
        orders = new ServiceProcess(Path.of("../order-service/target/quarkus-app/quarkus-run.jar"), Map.of(
                "ORDER_DB_URL", ordersDb.config().get("quarkus.datasource.reactive.url"),
                "ORDER_DB_JDBC_URL", ordersDb.config().get("quarkus.datasource.jdbc.url"),
                "ORDER_PSP_PROVIDER", "sandbox",
                "ORDER_PSP_URL", sandbox.url(),
                "MP_MESSAGING_INCOMING_AUCTION_LOTS_GROUP_ID", orderGroup,
                "MP_MESSAGING_INCOMING_AUCTION_LOTS_AUTO_OFFSET_RESET", "latest",
                "MP_MESSAGING_INCOMING_STORE_HANDOVERS_GROUP_ID", orderGroup,
                "MP_MESSAGING_INCOMING_STORE_HANDOVERS_AUTO_OFFSET_RESET", "latest"));
        String storeGroup = "store-flow-" + RUN;
        stores = new ServiceProcess(Path.of("target/quarkus-app/quarkus-run.jar"), Map.of(
                "STORES_DB_URL", storesDb.config().get("quarkus.datasource.reactive.url"),
                "STORES_DB_JDBC_URL", storesDb.config().get("quarkus.datasource.jdbc.url"),
                "MP_MESSAGING_INCOMING_ORDER_ORDERS_GROUP_ID", storeGroup,
                "MP_MESSAGING_INCOMING_ORDER_ORDERS_AUTO_OFFSET_RESET", "latest"));
        orders.start(Duration.ofSeconds(90));
        stores.start(Duration.ofSeconds(90));
        ConsumerGroups.awaitAssigned(orderGroup, "auction.lots", WAIT);
        ConsumerGroups.awaitAssigned(orderGroup, "store.handovers", WAIT);
        ConsumerGroups.awaitAssigned(storeGroup, "order.orders", WAIT);
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess process : new ServiceProcess[] {orders, stores}) {
            if (process != null) {
                process.close();
            }
        }
        if (sandbox != null) {
            sandbox.close();
        }
        ordersDb.drop();
        storesDb.drop();
    }

    @Test
    void aPaidCarIsHandedOverAtTheNearestSiteAndTheOrderIsDelivered() {
        // dave's outlet, the only site that hands cars over near alice
        as("olga").body(TestSites.site("OUT-000123", LATITUDE, TestSites.LONGITUDE, List.of(Map.of(
                        "capability", "VEHICLE_HANDOVER", "slotMinutes", 60, "perSlot", 1))))
                .put(stores.baseUri() + "/sites/OUT-000123").then().statusCode(200);

        String lot = "lot-flow-" + UUID.randomUUID();
        try (var auction = EventPublisher.as("/auction-service")) {
            auction.publish(new AuctionClosed(lot, "AION-UT-SUPER-NGC001", "SOLD", Tokens.subject("alice"),
                    "K3XQ9PZ1A7MB", 7_819_339_900L, 10_000, 23_733, Instant.now()));
        }
        String order = orderOf(lot);
        as("alice").post(orders.baseUri() + "/orders/" + order + "/confirm").then().statusCode(200);
        as("alice").body(Map.of("city", "Test City", "address", "No. 8 Test Road", "latitude", LATITUDE,
                "longitude", TestSites.LONGITUDE + 0.02)).put(orders.baseUri() + "/orders/" + order + "/delivery/address")
                .then().statusCode(200);
        String payUrl = as("alice").post(orders.baseUri() + "/orders/" + order + "/pay").then().statusCode(200)
                .extract().path("payUrl");
        given().post(payUrl).then().statusCode(200);

        Awaitility.await().atMost(WAIT).until(() -> "SCHEDULED".equals(as("alice")
                .get(orders.baseUri() + "/orders/" + order + "/delivery").path("handover.state")));
        var delivery = as("alice").get(orders.baseUri() + "/orders/" + order + "/delivery").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("OUT-000123", delivery.getString("handover.siteId"));
        assertEquals("Test City", delivery.getString("deliverTo.city"));
        String booking = delivery.getString("handover.bookingId");
        List<String> atDaves = as("dave").get(stores.baseUri() + "/outlets/OUT-000123/bookings?days=31").then()
                .statusCode(200).extract().jsonPath().getList("id");
        assertTrue(atDaves.contains(booking), "dave sees the handover among his outlet's bookings: " + atDaves);
        as("erin").post(stores.baseUri() + "/outlets/OUT-000123/bookings/" + booking + "/done").then().statusCode(403);

        as("dave").post(stores.baseUri() + "/outlets/OUT-000123/bookings/" + booking + "/confirm").then().statusCode(200);
        as("dave").post(stores.baseUri() + "/outlets/OUT-000123/bookings/" + booking + "/done").then().statusCode(200);
        Awaitility.await().atMost(WAIT).until(() -> "DELIVERED".equals(as("alice")
                .get(orders.baseUri() + "/orders/" + order).path("state")));
        as("alice").get(stores.baseUri() + "/handovers/" + order).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.is("DELIVERED"));
    }

    private static String orderOf(String lot) {
        var id = new String[1];
        Awaitility.await().atMost(WAIT).until(() -> {
            List<String> found = as("alice").get(orders.baseUri() + "/orders").path("items.findAll { it.lotId == '" + lot
                    + "' }.id");
            id[0] = found.isEmpty() ? null : found.getFirst();
            return id[0] != null;
        });
        return id[0];
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }
}
