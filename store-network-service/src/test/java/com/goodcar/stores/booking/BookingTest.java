package com.goodcar.stores.booking;

import static com.goodcar.stores.TestSites.as;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import com.goodcar.kit.testing.TopicProbe;
import com.goodcar.stores.TestSites;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Slots are never double-booked, and a slot a booking leaves is free again exactly once. */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "stores"))
class BookingTest {

    private static final double LATITUDE = TestSites.LATITUDE + 3;
    private static final List<String> BUYERS = List.of("alice", "bob", "carol");

    @Test
    void manyBuyersRaceForTheLastPlaceAndExactlyOneGetsIt() throws Exception {
        String site = TestSites.put(TestSites.id("BOOK"), LATITUDE, TestSites.LONGITUDE, 2, "BATTERY_SWAP");
        Instant slot = TestSites.slot(30);
        book("alice", site, "BATTERY_SWAP", slot).then().statusCode(200);

        int racers = 24;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(racers);
        try {
            var answers = new ArrayList<Future<Integer>>();
            for (int i = 0; i < racers; i++) {
                String buyer = BUYERS.get(i % BUYERS.size());
                answers.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return book(buyer, site, "BATTERY_SWAP", slot).statusCode();
                }));
            }
            start.countDown();
            var codes = new ArrayList<Integer>();
            for (Future<Integer> answer : answers) {
                codes.add(answer.get());
            }
            assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes.toString());
            assertEquals(racers - 1, codes.stream().filter(c -> c == 409).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, booked(site, slot));
        assertEquals(2, TestDatabase.number("select count(*) from booking where site_id = ? and state = 'BOOKED'", site));
    }

    @Test
    void cancellingTwiceOrConcurrentlyFreesTheSlotOnce() throws Exception {
        String site = TestSites.put(TestSites.id("BOOK"), LATITUDE, TestSites.LONGITUDE + 0.1, 3, "MAINTENANCE");
        Instant slot = TestSites.slot(40);
        String first = book("alice", site, "MAINTENANCE", slot).then().statusCode(200).extract().path("id");
        book("bob", site, "MAINTENANCE", slot).then().statusCode(200);
        assertEquals(2, booked(site, slot));

        var pool = Executors.newFixedThreadPool(8);
        try {
            var answers = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> as("alice").post("/bookings/" + first + "/cancel").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, booked(site, slot), "bob's place only");
        as("alice").post("/bookings/" + first + "/reschedule").then().statusCode(400);
        as("alice").body(Map.of("slotStart", TestSites.slot(41).toString())).post("/bookings/" + first + "/reschedule")
                .then().statusCode(409).body("title", is("Booking no longer live"));
        as("bob").post("/bookings/" + first + "/cancel").then().statusCode(404);
    }

    @Test
    void reschedulingMovesThePlaceAndAFullSlotRefusesIt() {
        String site = TestSites.put(TestSites.id("BOOK"), LATITUDE, TestSites.LONGITUDE + 0.2, 1, "TRADE_IN_APPRAISAL");
        Instant early = TestSites.slot(50), late = TestSites.slot(51);
        try (var bookings = TopicProbe.from("store.bookings")) {
            String id = book("alice", site, "TRADE_IN_APPRAISAL", early).then().statusCode(200).extract().path("id");
            String other = book("bob", site, "TRADE_IN_APPRAISAL", late).then().statusCode(200).extract().path("id");
            as("alice").body(Map.of("slotStart", late.toString())).post("/bookings/" + id + "/reschedule").then()
                    .statusCode(409).body("title", is("Slot full"));
            as("bob").body(Map.of("slotStart", TestSites.slot(52).toString())).post("/bookings/" + other + "/reschedule")
                    .then().statusCode(200).body("slotStart", is(TestSites.slot(52).toString()));
            as("alice").body(Map.of("slotStart", late.toString())).post("/bookings/" + id + "/reschedule").then()
                    .statusCode(200).body("slotStart", is(late.toString()));
            assertEquals(0, booked(site, early));
            assertEquals(1, booked(site, late));
            assertEquals(1, booked(site, TestSites.slot(52)));
            bookings.await(r -> id.equals(r.key()) && r.value().contains("store.booking-rescheduled.v1"),
                    Duration.ofSeconds(30)).orElseThrow();
            bookings.await(r -> id.equals(r.key()) && r.value().contains("store.booking-made.v1"),
                    Duration.ofSeconds(30)).orElseThrow();
        }
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheSameBooking() {
        String site = TestSites.put(TestSites.id("BOOK"), LATITUDE, TestSites.LONGITUDE + 0.3, 5, "HOME_CHARGER_INSTALLATION");
        Instant slot = TestSites.slot(60);
        String key = "retry-" + site;
        String first = book("alice", site, "HOME_CHARGER_INSTALLATION", slot, key).then().statusCode(200).extract().path("id");
        String again = book("alice", site, "HOME_CHARGER_INSTALLATION", slot, key).then().statusCode(200).extract().path("id");
        assertEquals(first, again);
        assertEquals(1, booked(site, slot));
        book("alice", site, "HOME_CHARGER_INSTALLATION", TestSites.slot(61), key).then().statusCode(422)
                .body("title", is("Idempotency-Key reused"));
        as("alice").get("/bookings/" + first).then().statusCode(200).body("state", is("BOOKED"));
        as("bob").get("/bookings/" + first).then().statusCode(404);
        as("olga").get("/bookings/" + first).then().statusCode(200);
    }

    @Test
    void slotsThatDoNotExistAreRefusedWithAReason() {
        String site = TestSites.put(TestSites.id("BOOK"), LATITUDE, TestSites.LONGITUDE + 0.4, 1, "MAINTENANCE");
        book("alice", site, "MAINTENANCE", TestSites.slot(-1)).then().statusCode(422).body("title", is("Slot in the past"));
        book("alice", site, "MAINTENANCE", TestSites.slot(30).plusSeconds(600)).then().statusCode(422)
                .body("title", is("Not a slot of this site"));
        book("alice", site, "MAINTENANCE", TestSites.slot(24 * 61)).then().statusCode(422)
                .body("title", is("Slot too far ahead"));
        book("alice", site, "BATTERY_SWAP", TestSites.slot(30)).then().statusCode(422)
                .body("title", is("The site does not do this"));
        book("alice", site, "VEHICLE_HANDOVER", TestSites.slot(30)).then().statusCode(422)
                .body("title", is("Handovers are not booked"));
        book("alice", "NO-SUCH-SITE", "MAINTENANCE", TestSites.slot(30)).then().statusCode(404);
        as("alice").get("/sites/" + site + "/slots?capability=MAINTENANCE&day=2026-13-01").then().statusCode(422);
        int slots = as("alice").get("/sites/" + site + "/slots?capability=MAINTENANCE&day="
                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(2)).then().statusCode(200)
                .extract().jsonPath().getList("$").size();
        assertEquals(24, slots);
    }

    private static io.restassured.response.Response book(String buyer, String site, String capability, Instant slot) {
        return book(buyer, site, capability, slot, null);
    }

    private static io.restassured.response.Response book(String buyer, String site, String capability, Instant slot,
                                                         String key) {
        var request = as(buyer).body(Map.of("siteId", site, "capability", capability, "slotStart", slot.toString()));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/bookings");
    }

    private static long booked(String site, Instant slot) {
        return TestDatabase.number("select coalesce(sum(booked), 0) from slot_load where site_id = ? and slot_start = ?",
                site, java.sql.Timestamp.from(slot));
    }
}
