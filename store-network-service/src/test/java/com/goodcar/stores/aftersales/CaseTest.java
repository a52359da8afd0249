package com.goodcar.stores.aftersales;

import static com.goodcar.stores.TestSites.as;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.contracts.order.DeliveryAddress;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After-sales cases on a delivered car, assigned by rule: a defect to the manufacturer, delivery
 * damage to the platform, workmanship to the outlet that did the job; overdue ones listed and counted.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "stores"))
class CaseTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final EventPublisher ORDERS = EventPublisher.as("/order-service");
    private static final double LATITUDE = TestSites.LATITUDE + 15;
    private static final String DAVES = "OUT-000123";

    @BeforeEach
    void consumerReady() {
        ConsumerGroups.awaitChannelAssigned("order-orders");
    }

    @AfterAll
    static void closePublisher() {
        ORDERS.close();
    }

    @Test
    void aDefectIsTheManufacturersToAnswerInTimeThenClosedOnce() {
        String order = deliveredCar("alice");
        try (var events = TopicProbe.from("store.cases")) {
            var opened = as("alice").body(Map.of("orderId", order, "kind", "QUALITY_DEFECT", "description",
                    "The infotainment screen goes black.")).post("/cases").then().statusCode(200)
                    .body("responsible", is("MANUFACTURER")).body("state", is("OPEN")).extract().jsonPath();
            String id = opened.getString("id");
            assertEquals(Duration.ofDays(3), Duration.between(Instant.parse(opened.getString("openedAt")),
                    Instant.parse(opened.getString("respondBy"))));
            as("bob").get("/cases/" + id).then().statusCode(404);
            as("alice").body(Map.of("text", "Me too")).post("/cases/" + id + "/answer").then().statusCode(403);
            as("olga").body(Map.of("text", "Bring it to any store; the warranty covers it.")).post("/cases/" + id + "/answer")
                    .then().statusCode(200).body("state", is("ANSWERED"));
            as("olga").body(Map.of("resolution", "Screen replaced under warranty.")).post("/cases/" + id + "/close").then()
                    .statusCode(200).body("state", is("CLOSED"));
            as("olga").body(Map.of("resolution", "again")).post("/cases/" + id + "/close").then().statusCode(409);
            as("alice").get("/cases").then().statusCode(200).body("find { it.id == '" + id + "' }.resolution",
                    is("Screen replaced under warranty."));
            var answered = events.await(r -> id.equals(r.key()) && r.value().contains("store.case-answered.v1"), WAIT)
                    .orElseThrow();
            assertTrue(answered.value().contains("\"inTime\":true"), answered.value());
            events.await(r -> id.equals(r.key()) && r.value().contains("store.case-opened.v1"), WAIT).orElseThrow();
            events.await(r -> id.equals(r.key()) && r.value().contains("store.case-closed.v1"), WAIT).orElseThrow();
        }
    }

    @Test
    void workmanshipIsTheOutletsOwnToAnswerAndRepairThroughThePartnerApi() {
        String order = deliveredCar("bob");
        TestSites.put(DAVES, LATITUDE, TestSites.LONGITUDE + 1, 3, "HOME_CHARGER_INSTALLATION", "MAINTENANCE");
        String job = as("bob").body(Map.of("siteId", DAVES, "capability", "HOME_CHARGER_INSTALLATION", "slotStart",
                TestSites.slot(30).toString())).post("/bookings").then().statusCode(200).extract().path("id");
        as("bob").body(Map.of("orderId", order, "kind", "WORKMANSHIP", "bookingId", job, "description", "x"))
                .post("/cases").then().statusCode(409).body("title", is("The job is not done"));
        as("dave").post("/outlets/" + DAVES + "/bookings/" + job + "/done").then().statusCode(200);
        as("bob").body(Map.of("orderId", order, "kind", "WORKMANSHIP", "description", "x")).post("/cases").then()
                .statusCode(422).body("title", is("Which job?"));

        String id = as("bob").body(Map.of("orderId", order, "kind", "WORKMANSHIP", "bookingId", job, "description",
                "The charger trips the breaker.")).post("/cases").then().statusCode(200)
                .body("responsible", is("OUTLET")).body("outletId", is(DAVES)).extract().path("id");
        List<String> davesCases = as("dave").get("/outlets/" + DAVES + "/cases").then().statusCode(200).extract()
                .jsonPath().getList("id");
        assertTrue(davesCases.contains(id));
        as("erin").get("/outlets/" + DAVES + "/cases").then().statusCode(403);
        as("erin").body(Map.of("text", "not mine")).post("/outlets/OUT-000456/cases/" + id + "/answer").then()
                .statusCode(404);

        Instant repairSlot = TestSites.slot(40);
        String repair = as("dave").body(Map.of("slotStart", repairSlot.toString()))
                .post("/outlets/" + DAVES + "/cases/" + id + "/repair").then().statusCode(200)
                .body("state", is("REPAIR_BOOKED")).body("answeredAt", notNullValue()).extract().path("repairBookingId");
        as("bob").get("/bookings/" + repair).then().statusCode(200).body("capability", is("MAINTENANCE"))
                .body("siteId", is(DAVES)).body("slotStart", is(repairSlot.toString()));
        as("dave").body(Map.of("slotStart", repairSlot.toString())).post("/outlets/" + DAVES + "/cases/" + id + "/repair")
                .then().statusCode(409);
        as("dave").body(Map.of("resolution", "Wiring redone.")).post("/outlets/" + DAVES + "/cases/" + id + "/close")
                .then().statusCode(200).body("state", is("CLOSED"));
    }

    @Test
    void aCaseNobodyAnswersInTimeIsListedCountedAndItsLateAnswerSaysSo() {
        String order = deliveredCar("carol");
        try (var events = TopicProbe.from("store.cases")) {
            String id = as("carol").body(Map.of("orderId", order, "kind", "DELIVERY_DAMAGE", "description",
                    "A scratch on the tailgate at handover.")).post("/cases").then().statusCode(200)
                    .body("responsible", is("PLATFORM")).extract().path("id");
            TestDatabase.number("with o as (update after_sales_case set respond_by = now() - interval '1 minute'"
                    + " where id = ? returning 1) select count(*) from o", id);
            as("olga").get("/cases/overdue").then().statusCode(200).body("find { it.id == '" + id + "' }.overdue", is(true));
            Awaitility.await().atMost(WAIT).until(() -> overdueGauge() >= 1);
            as("olga").body(Map.of("text", "Sorry: a body shop will fix it.")).post("/cases/" + id + "/answer").then()
                    .statusCode(200);
            var answered = events.await(r -> id.equals(r.key()) && r.value().contains("store.case-answered.v1"), WAIT)
                    .orElseThrow();
            assertTrue(answered.value().contains("\"inTime\":false"), answered.value());
            assertTrue(!as("olga").get("/cases/overdue").then().extract().jsonPath().getList("id").contains(id));
        }
    }

    @Test
    void onlyADeliveredCarOfYourOwnTakesACase() {
        String order = "ord-" + UUID.randomUUID();
        paid(order, "alice", 2);
        Awaitility.await().atMost(WAIT).until(() -> "SCHEDULED".equals(as("alice").get("/handovers/" + order).path("state")));
        as("alice").body(Map.of("orderId", order, "kind", "QUALITY_DEFECT", "description", "x")).post("/cases").then()
                .statusCode(409).body("title", is("The car is not delivered yet"));
        as("bob").body(Map.of("orderId", order, "kind", "QUALITY_DEFECT", "description", "x")).post("/cases").then()
                .statusCode(404);
        as("alice").body(Map.of("orderId", order, "kind", "QUALITY_DEFECT", "description", "")).post("/cases").then()
                .statusCode(400);
    }

    /** A car paid, scheduled at a test site and handed over there. */
    private static String deliveredCar(String buyer) {
        String order = "ord-" + UUID.randomUUID();
        String site = paid(order, buyer, 0);
        Awaitility.await().atMost(WAIT).until(() -> "SCHEDULED".equals(as(buyer).get("/handovers/" + order).path("state")));
        String booking = as(buyer).get("/handovers/" + order).path("bookingId");
        as("olga").post("/outlets/" + site + "/bookings/" + booking + "/done").then().statusCode(200);
        Awaitility.await().atMost(WAIT).until(() -> "DELIVERED".equals(as(buyer).get("/handovers/" + order).path("state")));
        return order;
    }

    private static String paid(String order, String buyer, int offset) {
        double longitude = TestSites.LONGITUDE + 0.1 * offset + Math.random() * 0.05;
        String site = TestSites.put(TestSites.id("CASE"), LATITUDE, longitude, 1, "VEHICLE_HANDOVER");
        ORDERS.publish(new OrderPaid(order, null, Tokens.subject(buyer), 1_000_000, Instant.now(),
                new DeliveryAddress("Test City", "No. 5 Test Road", LATITUDE, longitude)));
        return site;
    }

    private static double overdueGauge() {
        String metrics = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("goodcar_store_cases_overdue"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }
}
