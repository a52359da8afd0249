package com.goodcar.auction.scheduling;

import static com.goodcar.auction.Auctions.as;
import static com.goodcar.auction.Auctions.openLot;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.kit.testing.RealStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "auction"))
class LotListingTest {

    @Test
    void currentLotsAreListedForAnyoneUntilTheyAreCancelled() {
        String open = openLot(Duration.ofMinutes(20), Map.of());
        String later = as("olga").header("Idempotency-Key", "listing-" + open)
                .body(Map.of("editionCode", "AION-UT-SUPER-NGC001", "title", "Next week's lot",
                        "opensAt", Instant.now().plus(Duration.ofDays(7)).toString(),
                        "endsAt", Instant.now().plus(Duration.ofDays(7).plusHours(4)).toString()))
                .post("/auctions").then().statusCode(201).extract().path("id");

        assertEquals("OPEN", listed(open).orElseThrow().get("status"));
        Map<String, Object> next = listed(later).orElseThrow();
        assertEquals("SCHEDULED", next.get("status"));
        assertEquals("Next week's lot", next.get("title"));

        as("olga").post("/auctions/" + later + "/cancel").then().statusCode(200);
        assertTrue(listed(later).isEmpty(), "a cancelled lot is no longer offered");
        given().get("/auctions?size=101").then().statusCode(400);
    }

    /** The lot's line in the listing, read page by page without a token. */
    private static Optional<Map<String, Object>> listed(String lot) {
        for (int page = 0; page < 100; page++) {
            JsonPath body = given().get("/auctions?size=100&page=" + page).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            var found = items.stream().filter(item -> lot.equals(item.get("id"))).findFirst();
            if (found.isPresent() || items.size() < 100) {
                return found;
            }
        }
        return Optional.empty();
    }
}
