package com.goodcar.order.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import com.goodcar.kit.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** An order that should have moved on and did not is listed for operators and counted in a metric. */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class StuckOrdersTest {

    private static final Pattern GAUGE = Pattern.compile("(?m)^goodcar_orders_stuck(?:\\{[^}]*})? ([0-9.]+)$");

    @Test
    void anOrderPaidDaysAgoAndNeverHandedOverIsStuckAndCounted() {
        String stuck = paidOrder("interval '3 days'");
        String fresh = paidOrder("interval '1 hour'");

        given().auth().oauth2(Tokens.of("olga")).get("/orders/stuck").then().statusCode(200)
                .body("order.id", hasItem(stuck)).body("order.id", not(hasItem(fresh)))
                .body("find { it.order.id == '" + stuck + "' }.reason", org.hamcrest.Matchers.is("PAID_NOT_HANDED_OVER"));
        given().auth().oauth2(Tokens.of("alice")).get("/orders/stuck").then().statusCode(403);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            var matcher = GAUGE.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
            return matcher.find() && Double.parseDouble(matcher.group(1)) >= 1;
        });
    }

    @Test
    void moneyOwedBackThatTheProviderHasNotConfirmedForMinutesIsStuck() {
        String cancelled = paidOrder("interval '1 hour'");
        String payment = "opay-" + UUID.randomUUID();
        TestDatabase.number("""
                with c as (update orders set state = 'CANCELLED' where id = ? returning 1),
                p as (insert into order_payment (id, order_id, user_id, amount_fen, state, paid_at, created_at)
                      values (?, ?, 'u', 990000, 'PAID', now() - interval '1 hour', now() - interval '1 hour') returning 1),
                r as (insert into order_refund (id, payment_id, order_id, user_id, amount_fen, reason, state, attempts,
                                                next_attempt_at, created_at, updated_at)
                      values ('rf-' || ?, ?, ?, 'u', 990000, 'CANCELLED_AFTER_PAYMENT', 'PENDING', 9,
                              now() + interval '1 hour', now() - interval '10 minutes', now()) returning 1)
                select (select count(*) from c) + (select count(*) from p) + (select count(*) from r)""",
                cancelled, payment, cancelled, payment, payment, cancelled);
        given().auth().oauth2(Tokens.of("olga")).get("/orders/stuck").then().statusCode(200)
                .body("find { it.order.id == '" + cancelled + "' }.reason",
                        org.hamcrest.Matchers.is("REFUND_NOT_CONFIRMED"));
    }

    private static String paidOrder(String ago) {
        String id = "ord-" + UUID.randomUUID();
        TestDatabase.number("""
                with o as (insert into orders (id, kind, lot_id, user_id, price_fen, deposit_fen, amount_due_fen, state,
                                               confirm_by, pay_by, due_at, created_at, updated_at)
                           values (?, 'AUCTION_WIN', ?, ?, 1000000, 10000, 990000, 'PAID', now(), now(), null,
                                   now() - %1$s, now() - %1$s) returning 1)
                select count(*) from o""".formatted(ago), id, "lot-" + UUID.randomUUID(), Tokens.subject("alice"));
        return id;
    }
}
