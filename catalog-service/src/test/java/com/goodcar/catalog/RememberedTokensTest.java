package com.goodcar.catalog;

import static com.goodcar.catalog.Operators.as;
import static com.goodcar.catalog.Operators.createModel;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.kit.security.VerifiedTokens;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bearer token verified once is remembered (service-kit's VerifiedTokens), and that changes
 * nothing a caller can see: roles still count, and a token altered in any way is verified afresh.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class RememberedTokensTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    VerifiedTokens verified;

    @Test
    void aRememberedBuyerTokenStillCannotDoAnOperatorsWork() {
        for (int attempt = 0; attempt < 3; attempt++) {
            as("alice").body(Map.of("listPriceFen", 1, "reason", "mine now")).put("/editions/AION-UT-SUPER-STD/price")
                    .then().statusCode(403).contentType(PROBLEM);
            assertTrue(verified.remembers(Tokens.of("alice")));
        }
    }

    @Test
    void aRememberedOperatorTokenKeepsWorking() {
        createModel("RT-" + System.nanoTime() % 1_000_000, 400);
        assertTrue(verified.remembers(Tokens.of("olga")));
        createModel("RT-" + System.nanoTime() % 1_000_000, 410);
    }

    @Test
    void aTokenAlteredAfterItWasRememberedIsRefused() {
        as("alice").body(Map.of("listPriceFen", 1, "reason", "mine now")).put("/editions/AION-UT-SUPER-STD/price")
                .then().statusCode(403);
        assertTrue(verified.remembers(Tokens.of("alice")));

        String escalated = Tokens.forged("alice");
        String token = Tokens.of("alice");
        int inSignature = token.lastIndexOf('.') + 10; // not the last character: some of its bits are padding
        char was = token.charAt(inSignature);
        String badSignature = token.substring(0, inSignature) + (was == 'A' ? 'g' : 'A') + token.substring(inSignature + 1);
        for (String altered : new String[] {escalated, badSignature}) {
            given().auth().oauth2(altered).contentType(ContentType.JSON)
                    .body(Map.of("listPriceFen", 1, "reason", "forged")).put("/editions/AION-UT-SUPER-STD/price").then()
                    .statusCode(401).contentType(PROBLEM).body("title", is("Invalid token"));
            assertFalse(verified.remembers(altered));
        }
    }
}
