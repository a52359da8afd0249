package com.goodcar.order.sale;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.contracts.catalog.VehicleListed;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import com.goodcar.kit.testing.Tokens;
import com.goodcar.order.order.Lapses;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The flash sale against the real stack: a rush of many buyers makes exactly as many orders as
 * units, no buyer over the limit, a repeated key is the same order; too early and sold out are
 * answered at once (sold out without the database); an unpaid reservation gives its unit back
 * exactly once, and the sale sells it again.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class SaleOrdersTest {

    @Inject
    Lapses lapses;

    static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    /** Schedules a sale as the operator olga; its id. */
    static String sale(int units, int limit, Instant startsAt, String payWithin) {
        var body = new HashMap<String, Object>(Map.of("editionCode", "AION-UT-SUPER-STD", "priceFen", 11_990_000,
                "units", units, "startsAt", startsAt.toString(), "perBuyerLimit", limit));
        if (payWithin != null) {
            body.put("payWithin", payWithin);
        }
        return given().auth().oauth2(Tokens.of("olga")).contentType(ContentType.JSON)
                .header("Idempotency-Key", "sale-" + UUID.randomUUID()).body(body).post("/sales")
                .then().statusCode(201).body("state", is(startsAt.isAfter(Instant.now()) ? "SCHEDULED" : "ON_SALE"))
                .body("unitsLeft", is(units)).extract().path("id");
    }

    @Test
    void aRushOfManyBuyersMakesExactlyOneOrderPerUnitAndNoBuyerHasMoreThanTheLimit() {
        int units = 25;
        String sale = sale(units, 1, Instant.now(), null);
        List<String> buyers = RushBuyers.tokens(40);
        var clicks = new ArrayList<Clicks.Click>();
        for (String token : buyers) {
            String key = "k-" + UUID.randomUUID();
            clicks.add(new Clicks.Click(token, key));
            clicks.add(new Clicks.Click(token, key)); // the same click twice: the same order
            clicks.add(new Clicks.Click(token, "k-" + UUID.randomUUID())); // another click: over the limit
        }
        java.util.Collections.shuffle(clicks);

        var answers = Clicks.rush(base(), sale, clicks, 48);

        var byStatus = answers.stream().collect(Collectors.groupingBy(Clicks.Answer::status, Collectors.counting()));
        assertEquals(units, byStatus.getOrDefault(201, 0L), "one 201 per unit: " + byStatus);
        assertTrue(answers.stream().allMatch(a -> List.of(200, 201, 409, 410).contains(a.status())),
                "only orders, the same order, limit-reached and sold-out: " + byStatus);
        // a repeated key is the same order, whichever of the two got the 201
        Map<String, String> orderOfKey = new HashMap<>();
        for (var answer : answers) {
            if (answer.acknowledged()) {
                String earlier = orderOfKey.putIfAbsent(answer.click().key(), answer.orderId());
                assertTrue(earlier == null || earlier.equals(answer.orderId()), "key " + answer.click().key()
                        + " made two orders: " + earlier + ", " + answer.orderId());
            }
        }
        assertEquals(units, orderOfKey.size());
        assertEquals(units, TestDatabase.number("select count(*) from orders where sale_id = ?", sale));
        assertEquals(units, TestDatabase.number("select count(distinct user_id) from orders where sale_id = ?", sale),
                "no buyer over the limit of 1");
        assertInvariants(sale, units, 1);
        given().auth().oauth2(buyers.getFirst()).get("/sales/" + sale).then().statusCode(200)
                .body("unitsLeft", is(0)).body("state", is("SOLD_OUT"));
        given().auth().oauth2(Tokens.of("olga")).get("/sales/" + sale + "/orders?size=100").then().statusCode(200)
                .body("total", is(units)).body("items.size()", is(units));
    }

    @Test
    void oneBuyersClicksUnderDifferentKeysAtOnceStopAtTheLimit() {
        String sale = sale(50, 3, Instant.now(), null);
        var clicks = new ArrayList<Clicks.Click>();
        for (int i = 0; i < 20; i++) {
            clicks.add(new Clicks.Click(Tokens.of("alice"), "k-" + UUID.randomUUID()));
        }
        var answers = Clicks.rush(base(), sale, clicks, 20);
        assertEquals(3, answers.stream().filter(a -> a.status() == 201).count());
        assertEquals(17, answers.stream().filter(a -> a.status() == 409 && a.body().contains("limit-reached")).count());
        assertEquals(3, TestDatabase.number("select count(*) from orders where sale_id = ? and user_id = ?", sale,
                Tokens.subject("alice")));
        assertInvariants(sale, 50, 3);
    }

    @Test
    void beforeTheStartTheAnswerSaysWhenAndTheSaleIsScheduled() {
        Instant startsAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String sale = sale(10, 1, startsAt, null);
        given().auth().oauth2(Tokens.of("alice")).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .post("/sales/" + sale + "/orders").then().statusCode(409).contentType("application/problem+json")
                .body("type", is("https://goodcar.example/problems/not-started")).body("startsAt", is(startsAt.toString()));
        given().auth().oauth2(Tokens.of("alice")).get("/sales/" + sale).then().statusCode(200)
                .body("state", is("SCHEDULED")).body("unitsLeft", is(10)).body("payWithin", is("PT15M"));
        assertEquals(0, TestDatabase.number("select count(*) from orders where sale_id = ?", sale));
    }

    @Test
    void soldOutIsAnsweredFromMemoryButARepeatedClickStillGetsItsOrder() {
        String sale = sale(1, 1, Instant.now(), null);
        String key = "k-" + UUID.randomUUID();
        String order = given().auth().oauth2(Tokens.of("alice")).header("Idempotency-Key", key)
                .post("/sales/" + sale + "/orders").then().statusCode(201).body("state", is("AWAITING_PAYMENT"))
                .body("saleId", is(sale)).body("kind", is("SALE")).extract().path("id");
        // the first click after the last unit asks the database, and this replica remembers the answer
        given().auth().oauth2(Tokens.of("bob")).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .post("/sales/" + sale + "/orders").then().statusCode(410)
                .body("type", is("https://goodcar.example/problems/sold-out"));
        double before = clicks("memory", "sold-out");
        for (int i = 0; i < 50; i++) {
            given().auth().oauth2(Tokens.of(i % 2 == 0 ? "bob" : "carol")).header("Idempotency-Key", "k-" + UUID.randomUUID())
                    .post("/sales/" + sale + "/orders").then().statusCode(410);
        }
        assertEquals(before + 50, clicks("memory", "sold-out"), "sold out, and the database not asked");
        given().auth().oauth2(Tokens.of("alice")).header("Idempotency-Key", key).post("/sales/" + sale + "/orders")
                .then().statusCode(200).body("id", is(order));
    }

    @Test
    void anUnpaidReservationGivesItsUnitBackExactlyOnceAndTheSaleSellsItAgain() {
        List.of("alice", "bob", "carol").forEach(Tokens::of); // no token fetch between the clicks below
        String sale = sale(2, 1, Instant.now(), "PT2S");
        String alices = order(sale, "alice", 201);
        String bobs = order(sale, "bob", 201);
        order(sale, "carol", 410); // and remembered as sold out from now on

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            lapses.expireDue().await().atMost(Duration.ofSeconds(10));
            return TestDatabase.number("select count(*) from orders where sale_id = ? and state = 'EXPIRED'", sale) == 2;
        });
        lapses.expireDue().await().atMost(Duration.ofSeconds(10)); // a scan again: nothing more comes back
        assertEquals(2, TestDatabase.number("select count(*) from sale_unit where sale_id = ? and order_id is null", sale));
        assertEquals(0, TestDatabase.number("select coalesce(sum(held), 0) from sale_buyer where sale_id = ?", sale));
        assertEquals(2, TestDatabase.number("select count(*) from sale_reservation where sale_id = ? and returned_at is not null",
                sale));
        given().auth().oauth2(Tokens.of("alice")).get("/orders/" + alices).then().statusCode(200).body("state", is("EXPIRED"));
        given().auth().oauth2(Tokens.of("bob")).get("/orders/" + bobs).then().statusCode(200).body("state", is("EXPIRED"));

        // the units' return was announced: the replica that remembered "sold out" sells them again
        // (the memory's own recheck is 5 minutes in tests, so only the announcement can explain it)
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> clickStatus(sale, "carol") == 201);
        order(sale, "alice", 201); // her expired order no longer counts against her limit
        order(sale, "bob", 410);
        assertInvariants(sale, 2, 1);
    }

    @Test
    void aSaleIsScheduledOnlyForAnEditionTheCatalogListed() {
        String edition = "SALE-TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var draft = Map.of("editionCode", edition, "priceFen", 9_990_000, "units", 5, "startsAt", Instant.now().toString());
        given().auth().oauth2(Tokens.of("olga")).contentType(ContentType.JSON).header("Idempotency-Key", "s-" + UUID.randomUUID())
                .body(draft).post("/sales").then().statusCode(422).contentType("application/problem+json")
                .body("type", is("https://goodcar.example/problems/edition-unknown"));

        ConsumerGroups.awaitChannelAssigned("catalog-editions");
        try (var catalog = EventPublisher.as("/catalog-service")) {
            catalog.publish(new VehicleListed(edition, "AION-UT-SUPER", "GAC Aion", "Aion UT super", "Sale test", 9_990_000,
                    null, Instant.now()));
        }
        String key = "s-" + UUID.randomUUID();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.of("olga"))
                .contentType(ContentType.JSON).header("Idempotency-Key", key).body(draft).post("/sales").statusCode() == 201);
        // the same key again: the same sale; on other terms: refused
        given().auth().oauth2(Tokens.of("olga")).contentType(ContentType.JSON).header("Idempotency-Key", key).body(draft)
                .post("/sales").then().statusCode(200).body("editionCode", is(edition));
        var other = new HashMap<>(draft);
        other.put("units", 6);
        given().auth().oauth2(Tokens.of("olga")).contentType(ContentType.JSON).header("Idempotency-Key", key).body(other)
                .post("/sales").then().statusCode(422).body("type", is("https://goodcar.example/problems/key-reused"));
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        var draft = new HashMap<String, Object>(Map.of("editionCode", "AION-UT-SUPER-STD", "priceFen", 100, "units", 2,
                "startsAt", Instant.now().toString(), "perBuyerLimit", 3));
        post(draft).then().statusCode(422).body("type", is("https://goodcar.example/problems/invalid-sale"))
                .body("field", is("perBuyerLimit"));
        draft.put("perBuyerLimit", 1);
        draft.put("payWithin", "PT0S");
        post(draft).then().statusCode(422).body("field", is("payWithin"));
        draft.put("payWithin", "P");
        post(draft).then().statusCode(422).body("field", is("payWithin"));
        draft.put("payWithin", "fifteen minutes");
        post(draft).then().statusCode(400);
        draft.put("payWithin", "PT15M");
        draft.put("units", 0);
        post(draft).then().statusCode(400);
        draft.put("units", 1.5);
        post(draft).then().statusCode(400);
        draft.put("units", 2);
        for (Object beyond : new Object[] {"+300000-01-01T00:00:00Z", 99_999_999_999_999L}) {
            draft.put("startsAt", beyond); // a year PostgreSQL could not even store: refused, never a 500
            post(draft).then().statusCode(org.hamcrest.Matchers.oneOf(400, 422))
                    .contentType("application/problem+json");
        }
        for (String far : new String[] {"2001-01-01T00:00:00Z",
                Instant.now().plus(java.time.Duration.ofDays(400)).toString()}) {
            draft.put("startsAt", far);
            post(draft).then().statusCode(422).body("field", is("startsAt"));
        }

        String sale = sale(1, 1, Instant.now(), null);
        given().auth().oauth2(Tokens.of("alice")).post("/sales/" + sale + "/orders").then().statusCode(400)
                .contentType("application/problem+json"); // no Idempotency-Key
        given().auth().oauth2(Tokens.of("alice")).header("Idempotency-Key", "short").post("/sales/" + sale + "/orders")
                .then().statusCode(400);
        given().auth().oauth2(Tokens.of("alice")).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .post("/sales/sale-none/orders").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("alice")).get("/sales/sale-none").then().statusCode(404);
    }

    private static io.restassured.response.Response post(Map<String, Object> draft) {
        return given().auth().oauth2(Tokens.of("olga")).contentType(ContentType.JSON)
                .header("Idempotency-Key", "s-" + UUID.randomUUID()).body(draft).post("/sales");
    }

    private static String order(String sale, String buyer, int status) {
        return given().auth().oauth2(Tokens.of(buyer)).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .post("/sales/" + sale + "/orders").then().statusCode(status).extract().path("id");
    }

    private static int clickStatus(String sale, String buyer) {
        return given().auth().oauth2(Tokens.of(buyer)).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .post("/sales/" + sale + "/orders").statusCode();
    }

    /** Units sold + reserved <= units; no buyer over the limit; each buyer's count matches their reservations. */
    static void assertInvariants(String sale, int units, int limit) {
        long claimed = TestDatabase.number("select count(*) from sale_unit where sale_id = ? and order_id is not null", sale);
        long live = TestDatabase.number("select count(*) from orders where sale_id = ? and state not in ('EXPIRED', 'CANCELLED')",
                sale);
        assertTrue(claimed <= units && claimed == live, claimed + " units claimed, " + live + " live orders, " + units + " units");
        assertEquals(units, TestDatabase.number("select count(*) from sale_unit where sale_id = ?", sale));
        assertEquals(0, TestDatabase.number("select count(*) from sale_buyer where sale_id = ? and held > ?", sale, limit));
        assertEquals(0, TestDatabase.number("""
                select count(*) from sale_buyer b where b.sale_id = ? and b.held <> (select count(*) from sale_reservation r
                    where r.sale_id = b.sale_id and r.buyer_id = b.buyer_id and r.returned_at is null)""", sale));
    }

    private static final Pattern CLICKS = Pattern.compile(
            "(?m)^goodcar_sale_clicks_total\\{answer=\"([a-z-]+)\",path=\"([a-z]+)\"} ([0-9.E]+)"); // an exemplar may follow

    private static double clicks(String path, String answer) {
        var matcher = CLICKS.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        double total = 0;
        while (matcher.find()) {
            if (matcher.group(1).equals(answer) && matcher.group(2).equals(path)) {
                total += Double.parseDouble(matcher.group(3));
            }
        }
        return total;
    }
}
