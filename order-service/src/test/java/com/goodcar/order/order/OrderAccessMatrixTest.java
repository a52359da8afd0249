package com.goodcar.order.order;

import static io.restassured.RestAssured.given;

import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import com.goodcar.kit.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may do what with an order, every endpoint against every kind of caller: the owner, another
 * buyer, an operator, a partner dealer and nobody. Another buyer's order does not exist for them.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class OrderAccessMatrixTest {

    /** One endpoint, and the status each caller gets: owner, other buyer, operator, dealer, anonymous. */
    private record Row(String method, String path, int owner, int otherBuyer, int operator, int dealer, int anonymous) {
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAgainstEveryCaller() {
        String order = awaitingConfirmation("alice");
        String cancelled = awaitingConfirmation("alice");
        List<Row> matrix = List.of(
                new Row("GET", "/orders/" + order, 200, 404, 200, 403, 401),
                new Row("GET", "/orders", 200, 200, 403, 403, 401),
                new Row("GET", "/orders/stuck", 403, 403, 200, 403, 401),
                // the operator may read any order but confirms none: only its buyer does
                new Row("POST", "/orders/" + order + "/confirm", 200, 404, 403, 403, 401),
                new Row("GET", "/orders/" + order + "/payments", 200, 404, 200, 403, 401),
                // the owner may pay, once the order is confirmed (409 until then); nobody else may
                new Row("POST", "/orders/" + order + "/pay", 409, 404, 403, 403, 401),
                new Row("POST", "/orders/" + cancelled + "/cancel", 200, 404, 403, 403, 401),
                // only a runner-up's open offer can be declined (409 for the winner's own order)
                new Row("POST", "/orders/" + order + "/decline", 409, 404, 403, 403, 401),
                // delivery is the operator's word (409 here: the order is not paid), never the buyer's
                new Row("POST", "/orders/" + order + "/handed-over", 403, 403, 409, 403, 401),
                new Row("POST", "/orders/" + order + "/delivered", 403, 403, 409, 403, 401));
        String[] callers = {"alice", "bob", "olga", "dave", null};
        return matrix.stream().flatMap(row -> Stream.of(0, 1, 2, 3, 4).map(i -> {
            int expected = new int[] {row.owner(), row.otherBuyer(), row.operator(), row.dealer(), row.anonymous()}[i];
            String who = callers[i] == null ? "anonymous" : callers[i];
            return DynamicTest.dynamicTest(row.method() + " " + row.path() + " as " + who + " → " + expected, () -> {
                RequestSpecification request = callers[i] == null ? given() : given().auth().oauth2(Tokens.of(callers[i]));
                request.request(row.method(), row.path()).then().statusCode(expected);
            });
        })).toList().stream()
                // the owner's confirm and cancel change the orders: run them after everyone else tried
                .sorted((a, b) -> Boolean.compare(changes(a), changes(b)));
    }

    private static boolean changes(DynamicTest test) {
        return test.getDisplayName().contains("confirm as alice") || test.getDisplayName().contains("cancel as alice");
    }

    private static String awaitingConfirmation(String buyer) {
        String id = "ord-" + UUID.randomUUID();
        TestDatabase.number("""
                with o as (insert into orders (id, kind, lot_id, user_id, price_fen, deposit_fen, amount_due_fen, state,
                                               confirm_by, pay_by, due_at, created_at, updated_at)
                           values (?, 'AUCTION_WIN', ?, ?, 1000000, 10000, 990000, 'AWAITING_CONFIRMATION',
                                   now() + interval '1 day', null, now() + interval '1 day', now(), now()) returning 1)
                select count(*) from o""", id, "lot-" + UUID.randomUUID(), Tokens.subject(buyer));
        return id;
    }
}
