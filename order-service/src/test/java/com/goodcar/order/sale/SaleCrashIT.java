package com.goodcar.order.sale;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.kit.testing.RunDatabase;
import com.goodcar.kit.testing.ServiceProcess;
import com.goodcar.kit.testing.StackAddresses;
import com.goodcar.kit.testing.Tokens;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged order-service is killed with SIGKILL in the middle of a flash-sale rush and started
 * again on the same database; the buyers who got no answer click again with the same keys. After
 * it: exactly as many orders as units, no buyer over the limit, and every order a buyer was told of
 * (2xx) is there, and is what the same key answers again.
 */
class SaleCrashIT {

    private static final int UNITS = 120;
    private static final int LIMIT = 3;
    private static final int BUYERS = 40; // 40 x 3 = the units: every buyer ends with exactly 3
    private static final int KILL_AFTER = 30;
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final String GROUP = "order-sale-crash-" + RUN;
    private static RunDatabase database;
    private static Map<String, String> environment;

    @BeforeAll
    static void database() {
        database = StackAddresses.runDatabase("orders", "orders_salecrash_" + RUN);
        database.create();
        environment = Map.of(
                "ORDER_DB_URL", database.config().get("quarkus.datasource.reactive.url"),
                "ORDER_DB_JDBC_URL", database.config().get("quarkus.datasource.jdbc.url"),
                "MP_MESSAGING_INCOMING_AUCTION_LOTS_GROUP_ID", GROUP,
                "MP_MESSAGING_INCOMING_AUCTION_LOTS_AUTO_OFFSET_RESET", "latest",
                "MP_MESSAGING_INCOMING_CATALOG_EDITIONS_GROUP_ID", GROUP,
                "MP_MESSAGING_INCOMING_CATALOG_EDITIONS_AUTO_OFFSET_RESET", "latest",
                // nobody pays in this rush; the sandbox provider (with its local secret) lets the jar start
                "ORDER_PSP_PROVIDER", "sandbox");
    }

    @AfterAll
    static void drop() {
        database.drop();
    }

    @Test
    void killedDuringARushEveryAcknowledgedOrderSurvivesAndNoUnitIsSoldTwice() {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        List<String> tokens = RushBuyers.tokens(BUYERS);
        var clicks = new ArrayList<Clicks.Click>();
        for (int round = 0; round < 2 * LIMIT; round++) {
            for (String token : tokens) {
                clicks.add(new Clicks.Click(token, "crash-" + UUID.randomUUID()));
            }
        }
        java.util.Collections.shuffle(clicks);
        String sale;
        List<Clicks.Answer> beforeKill;
        try (var service = new ServiceProcess(jar, environment).start(Duration.ofSeconds(90))) {
            sale = schedule(service.baseUri());
            var acknowledged = new AtomicInteger();
            var rush = CompletableFuture.supplyAsync(() -> Clicks.rush(service.baseUri(), sale, clicks, 16, answer -> {
                if (answer.acknowledged()) {
                    acknowledged.incrementAndGet();
                }
            }));
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> acknowledged.get() >= KILL_AFTER || rush.isDone());
            service.kill();
            beforeKill = rush.join();
        }
        long told = beforeKill.stream().filter(Clicks.Answer::acknowledged).count();
        long unanswered = beforeKill.stream().filter(a -> a.status() == 0).count();
        assertTrue(told >= KILL_AFTER && told < UNITS && unanswered > 0,
                "killed in the middle of the rush: " + told + " orders told, " + unanswered + " clicks unanswered");

        try (var restarted = new ServiceProcess(jar, environment).start(Duration.ofSeconds(90))) {
            // whoever got no answer clicks again with the same key; whoever got an order asks again
            var again = beforeKill.stream().filter(a -> a.status() == 0 || a.status() == 503 || a.acknowledged())
                    .map(Clicks.Answer::click).toList();
            var afterRestart = Clicks.rush(restarted.baseUri(), sale, again, 16);
            Map<String, String> orderOfKey = new HashMap<>();
            afterRestart.stream().filter(Clicks.Answer::acknowledged)
                    .forEach(a -> orderOfKey.put(a.click().key(), a.orderId()));
            for (var told2 : beforeKill.stream().filter(Clicks.Answer::acknowledged).toList()) {
                assertEquals(told2.orderId(), orderOfKey.get(told2.click().key()),
                        "the same key after the restart: the order told before the kill");
                assertEquals(1, database.number("select count(*) from orders where id = ? and sale_id = ?",
                        told2.orderId(), sale), "order " + told2.orderId() + " was told to its buyer and must exist");
            }
            assertTrue(afterRestart.stream().allMatch(a -> List.of(200, 201, 409, 410).contains(a.status())),
                    "every click answered after the restart");

            assertEquals(UNITS, database.number("select count(*) from orders where sale_id = ?", sale), "exactly the units");
            assertEquals(UNITS, database.number("select count(*) from sale_unit where sale_id = ? and order_id is not null",
                    sale));
            assertEquals(0, database.number("""
                    select count(*) from (select user_id from orders where sale_id = ? group by user_id
                                          having count(*) > ?) over_limit""", sale, LIMIT));
            assertEquals(0, database.number("""
                    select count(*) from sale_buyer b where b.sale_id = ? and b.held <> (select count(*)
                        from sale_reservation r where r.sale_id = b.sale_id and r.buyer_id = b.buyer_id
                        and r.returned_at is null)""", sale));
            given().auth().oauth2(tokens.getFirst()).get(restarted.baseUri() + "/sales/" + sale).then().statusCode(200)
                    .body("unitsLeft", org.hamcrest.Matchers.is(0));
            System.out.printf("FIGURE sale-crash: killed with %d orders told and %d clicks unanswered; %d orders of %d "
                    + "units after the restart, every told order present%n", told, unanswered, UNITS, UNITS);
        }
    }

    private static String schedule(String base) {
        return given().auth().oauth2(Tokens.of("olga")).contentType(ContentType.JSON)
                .header("Idempotency-Key", "crash-sale-" + RUN)
                .body(Map.of("editionCode", "AION-UT-SUPER-STD", "priceFen", 11_990_000, "units", UNITS,
                        "startsAt", Instant.now().toString(), "perBuyerLimit", LIMIT, "payWithin", "PT1H"))
                .post(base + "/sales").then().statusCode(201).extract().path("id");
    }
}
