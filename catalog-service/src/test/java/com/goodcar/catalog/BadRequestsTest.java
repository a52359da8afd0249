package com.goodcar.catalog;

import static com.goodcar.catalog.Operators.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Every way a client can get a request wrong ends in a 4xx problem+json that says what is wrong. */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class BadRequestsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void malformedJson() {
        as("olga").body("{\"code\": \"X1\", ").post("/models").then()
                .statusCode(400).contentType(PROBLEM)
                .body("title", is("Malformed JSON"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void wrongTypeNamesTheField() {
        as("olga").body("{\"listPriceFen\": \"cheap\", \"reason\": \"x\"}").put("/editions/AION-UT-SUPER-STD/price").then()
                .statusCode(400).contentType(PROBLEM)
                .body("title", is("Wrong type"))
                .body("detail", containsString("listPriceFen"));
    }

    @Test
    void unknownFieldIsNamed() {
        as("olga").body("{\"listPriceFen\": 100, \"reason\": \"x\", \"discount\": 5}").put("/editions/AION-UT-SUPER-STD/price").then()
                .statusCode(400).contentType(PROBLEM)
                .body("title", is("Unknown field"))
                .body("detail", containsString("'discount'"));
    }

    @Test
    void missingAndInvalidFieldsAreListed() {
        as("olga").body(Map.of("code", "lower case!", "specification", Map.of("brand", ""))).post("/models").then()
                .statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("code"))
                .body("violations.field", hasItem("specification.brand"));
        as("olga").post("/models").then()
                .statusCode(400).contentType(PROBLEM);
    }

    @Test
    void oversizeBodyIsRefusedBeforeItIsRead() {
        as("olga").body("{\"reason\": \"" + "x".repeat(100 * 1024) + "\"}").put("/editions/AION-UT-SUPER-STD/price").then()
                .statusCode(413).contentType(PROBLEM)
                .body("title", is("Payload too large"));
    }

    @Test
    void wrongMediaType() {
        given().auth().oauth2(Tokens.of("olga")).contentType(ContentType.TEXT).body("hello")
                .post("/models").then()
                .statusCode(415).contentType(PROBLEM);
        // the same token on the same endpoint with a JSON body is accepted: the 415 is about the body alone
        given().auth().oauth2(Tokens.of("olga")).contentType(ContentType.JSON).body(newModel()).post("/models").then()
                .statusCode(201);
    }

    @Test
    void missingTokenIsA401WithAChallenge() {
        given().contentType(ContentType.JSON).body("{}").post("/models").then()
                .statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void aBuyerCannotCallOperatorEndpoints() {
        String edition = newEdition();
        // the request itself is valid: the operator's token gets it through
        as("olga").body(Map.of("listPriceFen", 14_000_000L, "reason", "operator's price")).put("/editions/" + edition + "/price")
                .then().statusCode(200);
        as("alice").body(Map.of("listPriceFen", 1, "reason", "mine now")).put("/editions/" + edition + "/price").then()
                .statusCode(403).contentType(PROBLEM)
                .body("title", is("Forbidden"));
        given().get("/editions/" + edition).then().statusCode(200).body("listPriceFen", is(14_000_000));
    }

    @Test
    void aForgedTokenIsRejected() {
        String edition = newEdition();
        // alice's genuine token is verified (authenticated, then refused for her role: 403, not 401) ...
        as("alice").body(Map.of("listPriceFen", 1, "reason", "genuine")).put("/editions/" + edition + "/price").then()
                .statusCode(403).body("title", is("Forbidden"));
        // ... and the same token with its roles raised to operator's is refused as a token
        given().auth().oauth2(Tokens.forged("alice")).contentType(ContentType.JSON)
                .body(Map.of("listPriceFen", 1, "reason", "forged")).put("/editions/" + edition + "/price").then()
                .statusCode(401).contentType(PROBLEM)
                .body("title", is("Invalid token"));
        given().get("/editions/" + edition).then().statusCode(200).body("listPriceFen", is(13_000_000));
    }

    @Test
    void garbageInsteadOfATokenIsRejected() {
        given().auth().oauth2("not-a-jwt").contentType(ContentType.JSON).body("{}").post("/models").then()
                .statusCode(401).contentType(PROBLEM);
    }

    @Test
    void anExpiredTokenIsRejected() {
        // the probe client's tokens live 3 s: the same token, on the same kind of valid request, goes from
        // accepted to refused. On a loaded machine a token may expire before its first request: take another.
        String[] token = new String[1];
        Awaitility.await("a fresh short-lived token is accepted").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    token[0] = Tokens.shortLived("olga");
                    int status = given().auth().oauth2(token[0]).contentType(ContentType.JSON).body(newModel())
                            .post("/models").statusCode();
                    if (status != 201 && status != 401) {
                        throw new AssertionError("a valid request with a fresh token answered " + status);
                    }
                    return status == 201;
                });
        Awaitility.await("the token expires").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() ->
                given().auth().oauth2(token[0]).contentType(ContentType.JSON).body(newModel()).post("/models")
                        .statusCode() == 401);
        given().auth().oauth2(token[0]).contentType(ContentType.JSON).body(newModel()).post("/models").then()
                .statusCode(401).contentType(PROBLEM).body("title", is("Invalid token"));
    }

    private static final java.util.concurrent.atomic.AtomicInteger CODES = new java.util.concurrent.atomic.AtomicInteger();

    /** A valid new model's body, with a code no other request used. */
    private static Map<String, Object> newModel() {
        String code = "BR-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase() + "-" + CODES.incrementAndGet();
        return Map.of("code", code, "specification", Operators.specification("Model " + code, 420));
    }

    /** A new edition listed at 13,000,000 fen; its code. */
    private static String newEdition() {
        String model = (String) newModel().get("code");
        Operators.createModel(model, 420);
        Operators.listEdition(model, model + "-STD", 13_000_000L);
        return model + "-STD";
    }

    @Test
    void unknownPathIsAProblemToo() {
        given().get("/no/such/path").then().statusCode(404).contentType(PROBLEM);
    }
}
