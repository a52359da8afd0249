package com.goodcar.order.sale;

import static io.restassured.RestAssured.given;

import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may do what with a sale, every endpoint against alice (who ordered), bob (another buyer),
 * olga (operator), dave (dealer) and nobody: operators schedule and see the orders, buyers order,
 * and alice's order of the sale does not exist for bob.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class SaleAccessMatrixTest {

    private static final String[] CALLERS = {"alice", "bob", "olga", "dave", null};

    /** An endpoint and what each of CALLERS gets, in that order. */
    private record Row(String method, String path, String body, int... expected) {
    }

    @TestFactory
    Stream<DynamicTest> everySaleEndpointAgainstEveryCaller() {
        String sale = SaleOrdersTest.sale(100, 1, Instant.now(), null);
        String order = given().auth().oauth2(Tokens.of("alice")).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .post("/sales/" + sale + "/orders").then().statusCode(201).extract().path("id");
        String draft = "{\"editionCode\":\"AION-UT-SUPER-STD\",\"priceFen\":100,\"units\":1,\"startsAt\":\"" + Instant.now() + "\"}";
        List<Row> matrix = List.of(
                new Row("POST", "/sales", draft, 403, 403, 201, 403, 401),
                new Row("GET", "/sales", null, 200, 200, 200, 403, 401),
                new Row("GET", "/sales/" + sale, null, 200, 200, 200, 403, 401),
                // alice holds her one unit: limit-reached; bob gets one; only buyers order
                new Row("POST", "/sales/" + sale + "/orders", null, 409, 201, 403, 403, 401),
                new Row("GET", "/sales/" + sale + "/orders", null, 403, 403, 200, 403, 401),
                new Row("GET", "/orders/" + order, null, 200, 404, 200, 403, 401),
                new Row("POST", "/bench/noop/sales/" + sale + "/orders", null, 201, 201, 403, 403, 401),
                new Row("PUT", "/bench/naive/sales/" + sale + "/stock", null, 403, 403, 204, 403, 401),
                new Row("POST", "/bench/naive/sales/" + sale + "/orders", null, 201, 201, 403, 403, 401));
        return matrix.stream().flatMap(row -> IntStream.range(0, CALLERS.length).mapToObj(i -> {
            String who = CALLERS[i] == null ? "anonymous" : CALLERS[i];
            return DynamicTest.dynamicTest(row.method() + " " + row.path() + " as " + who + " → " + row.expected()[i], () -> {
                RequestSpecification request = (CALLERS[i] == null ? given() : given().auth().oauth2(Tokens.of(CALLERS[i])))
                        .header("Idempotency-Key", "k-" + UUID.randomUUID());
                if (row.body() != null) {
                    request.contentType(ContentType.JSON).body(row.body());
                }
                request.request(row.method(), row.path()).then().statusCode(row.expected()[i]);
            });
        }));
    }
}
