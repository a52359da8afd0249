package com.goodcar.catalog;

import static com.goodcar.catalog.Operators.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

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
    }

    @Test
    void missingTokenIsA401WithAChallenge() {
        given().contentType(ContentType.JSON).body("{}").post("/models").then()
                .statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void aBuyerCannotCallOperatorEndpoints() {
        as("alice").body(Map.of("listPriceFen", 1, "reason", "mine now")).put("/editions/AION-UT-SUPER-STD/price").then()
                .statusCode(403).contentType(PROBLEM)
                .body("title", is("Forbidden"));
        given().get("/editions/AION-UT-SUPER-STD").then().body("listPriceFen", not(1));
    }

    @Test
    void aForgedTokenIsRejected() {
        given().auth().oauth2(Tokens.forged("alice")).contentType(ContentType.JSON)
                .body(Map.of("listPriceFen", 1, "reason", "forged")).put("/editions/AION-UT-SUPER-STD/price").then()
                .statusCode(401).contentType(PROBLEM)
                .body("title", is("Invalid token"));
    }

    @Test
    void garbageInsteadOfATokenIsRejected() {
        given().auth().oauth2("not-a-jwt").contentType(ContentType.JSON).body("{}").post("/models").then()
                .statusCode(401).contentType(PROBLEM);
    }

    @Test
    void anExpiredTokenIsRejected() {
        String token = Tokens.shortLived("olga");
        // the probe client's tokens live 3 s: the same token goes from accepted to refused
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() ->
                given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/models")
                        .statusCode() == 401);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/models").then()
                .statusCode(401).contentType(PROBLEM).body("title", is("Invalid token"));
    }

    @Test
    void unknownPathIsAProblemToo() {
        given().get("/no/such/path").then().statusCode(404).contentType(PROBLEM);
    }
}
