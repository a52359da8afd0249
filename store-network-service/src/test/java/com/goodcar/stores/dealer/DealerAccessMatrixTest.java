package com.goodcar.stores.dealer;

import static com.goodcar.stores.TestSites.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.Tokens;
import com.goodcar.stores.TestSites;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every partner dealer endpoint, for every caller: dave runs OUT-000123 only; erin's OUT-000456 is
 * 403 to him, erin's bookings are 404 under his outlet's path, and nothing of erin's changes.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "stores"))
class DealerAccessMatrixTest {

    private static final String DAVES = "OUT-000123";
    private static final String ERINS = "OUT-000456";
    private static final double LATITUDE = TestSites.LATITUDE + 9;

    /** One dealer endpoint: how to call it; {@code ofItem}: it names a booking or case of the outlet. */
    record Endpoint(String name, boolean ofItem, Function<RequestSpecification, Response> call) {
        Endpoint(String name, Function<RequestSpecification, Response> call) {
            this(name, name.contains("booking") && !name.equals("GET bookings") || name.startsWith("case"), call);
        }
    }

    private String davesBooking;
    private String erinsBooking;
    private String davesCase;
    private static String erinsCase;

    @BeforeEach
    void outletsWithOneBookingAndOneCaseEach() {
        TestSites.put(DAVES, LATITUDE, TestSites.LONGITUDE, 5, "MAINTENANCE");
        TestSites.put(ERINS, LATITUDE, TestSites.LONGITUDE + 0.1, 5, "MAINTENANCE");
        davesBooking = book(DAVES, TestSites.localSlot(2, 12));
        erinsBooking = book(ERINS, TestSites.localSlot(2, 12));
        davesCase = workmanshipCase(DAVES);
        erinsCase = workmanshipCase(ERINS);
    }

    /** A case the outlet answers for, as opening one on a delivered car's job would leave it (CaseTest opens them so). */
    private static String workmanshipCase(String outlet) {
        String id = "case-" + java.util.UUID.randomUUID();
        com.goodcar.kit.testing.TestDatabase.number("""
                with c as (insert into after_sales_case (id, user_id, order_id, kind, responsible, outlet_id, description,
                                                         state, respond_by, opened_at, updated_at)
                           values (?, ?, 'ord-matrix', 'WORKMANSHIP', 'OUTLET', ?, 'Loose trim after service', 'OPEN',
                                   now() + interval '2 days', now(), now()) returning 1)
                select count(*) from c""", id, Tokens.subject("alice"), outlet);
        return id;
    }

    static List<Endpoint> endpoints(String outlet, String booking) {
        return endpoints(outlet, booking, "none");
    }

    static List<Endpoint> endpoints(String outlet, String booking, String caseId) {
        String base = "/outlets/" + outlet;
        return List.of(
                new Endpoint("GET outlet", r -> r.get(base)),
                new Endpoint("PUT hours", r -> r.body(Map.of("opens", "07:00", "closes", "23:00", "days",
                        List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")))
                        .put(base + "/hours")),
                new Endpoint("PUT capacity", r -> r.body(Map.of("slotMinutes", 60, "perSlot", 7))
                        .put(base + "/capacity/MAINTENANCE")),
                new Endpoint("GET bookings", r -> r.get(base + "/bookings?days=7")),
                new Endpoint("GET booking", true, r -> r.get(base + "/bookings/" + booking)),
                new Endpoint("confirm booking", true, r -> r.post(base + "/bookings/" + booking + "/confirm")),
                new Endpoint("reschedule booking", true, r -> r.body(Map.of("slotStart", TestSites.localSlot(2, 13).toString()))
                        .post(base + "/bookings/" + booking + "/reschedule")),
                new Endpoint("done booking", r -> r.post(base + "/bookings/" + booking + "/done")),
                new Endpoint("GET cases", false, r -> r.get(base + "/cases")),
                new Endpoint("case answer", r -> r.body(Map.of("text", "We will look at it.")).post(base + "/cases/" + caseId
                        + "/answer")),
                new Endpoint("case repair", r -> r.body(Map.of("slotStart", TestSites.localSlot(3, 12).toString()))
                        .post(base + "/cases/" + caseId + "/repair")),
                new Endpoint("case close", r -> r.body(Map.of("resolution", "Trim refitted.")).post(base + "/cases/" + caseId
                        + "/close")));
    }

    @TestFactory
    List<DynamicTest> daveRunsHisOwnOutletAndNobodyElses() {
        var tests = new ArrayList<DynamicTest>();
        int count = endpoints(DAVES, "x").size();
        for (int i = 0; i < count; i++) {
            int index = i;
            String name = endpoints(DAVES, "x").get(i).name();
            tests.add(DynamicTest.dynamicTest("dave on his own outlet: " + name, () ->
                    endpoints(DAVES, davesBooking, davesCase).get(index).call().apply(as("dave")).then().statusCode(200)));
            tests.add(DynamicTest.dynamicTest("dave on erin's outlet: " + name, () -> {
                var before = erinsState();
                endpoints(ERINS, erinsBooking, erinsCase).get(index).call().apply(as("dave")).then().statusCode(403)
                        .body("title", is("Not your outlet"));
                assertEquals(before, erinsState(), "nothing of erin's changed");
            }));
            if (endpoints(DAVES, "x").get(i).ofItem()) {
                tests.add(DynamicTest.dynamicTest("dave with erin's booking or case under his path: " + name, () -> {
                    var before = erinsState();
                    endpoints(DAVES, erinsBooking, erinsCase).get(index).call().apply(as("dave")).then().statusCode(404);
                    assertEquals(before, erinsState());
                }));
            }
            tests.add(DynamicTest.dynamicTest("a buyer: " + name, () -> {
                var before = erinsState();
                endpoints(ERINS, erinsBooking, erinsCase).get(index).call().apply(as("alice")).then().statusCode(403);
                assertEquals(before, erinsState());
            }));
            tests.add(DynamicTest.dynamicTest("no token: " + name, () ->
                    endpoints(ERINS, erinsBooking, erinsCase).get(index).call().apply(given().contentType("application/json"))
                            .then().statusCode(401)));
            tests.add(DynamicTest.dynamicTest("a forged token: " + name, () ->
                    endpoints(ERINS, erinsBooking, erinsCase).get(index).call().apply(given().auth()
                            .oauth2(Tokens.forged("dave")).contentType("application/json")).then().statusCode(401)));
            tests.add(DynamicTest.dynamicTest("an operator on erin's outlet: " + name, () ->
                    endpoints(ERINS, erinsBooking, erinsCase).get(index).call().apply(as("olga")).then().statusCode(200)));
        }
        return tests;
    }

    @Test
    void aDealerSeesItsOwnBookingsOnly() {
        List<String> ids = as("dave").get("/outlets/" + DAVES + "/bookings?days=7").then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertTrue(ids.contains(davesBooking) && !ids.contains(erinsBooking), ids.toString());
    }

    @Test
    void anOutletOverItsRateIsToldWhenToComeBack() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var answers = new ArrayList<Future<Response>>();
            for (int i = 0; i < 400; i++) {
                answers.add(pool.submit(() -> as("erin").get("/outlets/" + ERINS)));
            }
            Response limited = null;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                if (response.statusCode() == 429) {
                    limited = response;
                }
            }
            assertTrue(limited != null, "400 requests within seconds exceed a burst of 200 and 20 a second");
            assertEquals("application/problem+json", limited.contentType());
            assertEquals("Too many requests", limited.path("title"));
            assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        } finally {
            pool.shutdownNow();
        }
        as("dave").get("/outlets/" + DAVES).then().statusCode(200);
        Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> as("erin").get("/outlets/" + ERINS).statusCode() == 200);
    }

    /** Erin's outlet and booking as they are: what must not change when someone else tries. */
    private static String erinsState() {
        String outlet = as("olga").get("/outlets/" + ERINS).then().statusCode(200).extract().asString();
        String booking = as("olga").get("/bookings/" + erinsBookingId()).then().statusCode(200).extract().asString();
        String aCase = as("olga").get("/cases/" + erinsCase).then().statusCode(200).extract().asString();
        return outlet + booking + aCase;
    }

    private static String lastErinsBooking;

    private static String erinsBookingId() {
        return lastErinsBooking;
    }

    private String book(String outlet, Instant slot) {
        String id = as("alice").body(Map.of("siteId", outlet, "capability", "MAINTENANCE", "slotStart", slot.toString()))
                .post("/bookings").then().statusCode(200).extract().path("id");
        if (outlet.equals(ERINS)) {
            lastErinsBooking = id;
        }
        return id;
    }
}
