package com.goodcar.catalog.campaign;

import static com.goodcar.catalog.Operators.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class CampaignApiTest {

    private static final String CAMPAIGN = "/campaigns/defined-by-you";

    @Test
    void aRetriedSuggestionIsCreatedOnce() {
        var draft = Map.of("title", "Heated rear seats", "body", "Winters in Harbin are long: heat the rear seats too.");
        long id = ((Number) as("alice").header("Idempotency-Key", "alice-heated-seats-1").body(draft)
                .post(CAMPAIGN + "/suggestions").then()
                .statusCode(201)
                .header("Location", containsString(CAMPAIGN + "/suggestions/"))
                .extract().path("id")).longValue();

        as("alice").header("Idempotency-Key", "alice-heated-seats-1").body(draft)
                .post(CAMPAIGN + "/suggestions").then()
                .statusCode(200)
                .body("id", is((int) id));

        as("alice").header("Idempotency-Key", "alice-heated-seats-1")
                .body(Map.of("title", "Something else", "body", "A different suggestion, same key."))
                .post(CAMPAIGN + "/suggestions").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("title", is("Idempotency key reused"));
    }

    @Test
    void aPersonCannotFloodTheCampaign() {
        for (int i = 1; i <= 3; i++) {
            as("bob").body(Map.of("title", "Idea " + i, "body", "Bob's idea number " + i + " for the car."))
                    .post(CAMPAIGN + "/suggestions").then().statusCode(201);
        }
        as("bob").body(Map.of("title", "Idea 4", "body", "One more than the quota allows."))
                .post(CAMPAIGN + "/suggestions").then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", Integer::parseInt, org.hamcrest.Matchers.greaterThan(3000));
    }

    @Test
    void votesCountOnceAndOrderTheRanking() {
        long popular = suggest("carol", "Swap stations on highways", "Put chocolate battery swap stations on G-roads.");
        long quiet = suggest("alice", "Pink paint option", "Offer a pink paint option for the No. 001 spirit.");

        as("bob").put(CAMPAIGN + "/suggestions/" + popular + "/vote").then()
                .statusCode(201).body("votes", is(1)).body("counted", is(true));
        as("bob").put(CAMPAIGN + "/suggestions/" + popular + "/vote").then()
                .statusCode(200).body("votes", is(1)).body("counted", is(false));
        as("alice").put(CAMPAIGN + "/suggestions/" + popular + "/vote").then()
                .statusCode(201).body("votes", is(2));

        // other tests of this run add suggestions too: check the relative order and the ranks
        var ranking = given().queryParam("size", 100).get(CAMPAIGN + "/suggestions").then()
                .statusCode(200)
                .body("items.find { it.id == " + popular + " }.votes", is(2))
                .body("items.find { it.id == " + quiet + " }.votes", is(0))
                .extract();
        List<Integer> ids = ranking.path("items.id");
        List<Integer> ranks = ranking.path("items.rank");
        List<Integer> votes = ranking.path("items.votes");
        assertTrue(ids.indexOf((int) popular) < ids.indexOf((int) quiet), "more votes rank higher: " + ids);
        for (int i = 0; i < ranks.size(); i++) {
            assertEquals(i + 1, ranks.get(i));
            assertTrue(i == 0 || votes.get(i - 1) >= votes.get(i), "ranking out of order: " + votes);
        }
    }

    @Test
    void aRushOfTheSameVoteCountsItOnce() throws Exception {
        long id = suggest("carol", "Reclining rear seats", "Let the rear seats recline like the front ones.");
        try (var pool = Executors.newFixedThreadPool(16)) {
            List<CompletableFuture<Integer>> votes = IntStream.range(0, 32)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() ->
                            as("alice").put(CAMPAIGN + "/suggestions/" + id + "/vote").statusCode(), pool))
                    .toList();
            List<Integer> statuses = votes.stream().map(CompletableFuture::join).toList();
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "exactly one vote counted: " + statuses);
            assertEquals(31, statuses.stream().filter(s -> s == 200).count(), "the rest answered as repeats: " + statuses);
        }
        given().queryParam("size", 100).get(CAMPAIGN + "/suggestions").then()
                .body("items.find { it.id == " + id + " }.votes", is(1));
    }

    @Test
    void participantsAreCountedOncePerPerson() {
        long id = suggest("carol", "USB-C everywhere", "Put a USB-C port at every seat, front and rear.");
        as("bob").put(CAMPAIGN + "/suggestions/" + id + "/vote").then().statusCode(201);
        long participants = participants();
        assertEquals(TestDatabase.number("select count(distinct user_id) from participant"), participants);

        as("carol").put(CAMPAIGN + "/suggestions/" + id + "/vote").then().statusCode(201);
        as("bob").put(CAMPAIGN + "/suggestions/" + id + "/vote").then().statusCode(200);
        assertEquals(participants, participants(), "people who already took part are not counted again");
    }

    @Test
    void suggestionsAreValidatedAndVotesNeedABuyer() {
        as("alice").body(Map.of("title", "x", "body", "short")).post(CAMPAIGN + "/suggestions").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("title"))
                .body("violations.field", hasItem("body"));
        as("olga").put(CAMPAIGN + "/suggestions/1/vote").then().statusCode(403);
        as("alice").put(CAMPAIGN + "/suggestions/999999999/vote").then().statusCode(404);
        given().get("/campaigns/no-such-campaign/suggestions").then().statusCode(404);
    }

    private static long suggest(String user, String title, String body) {
        return ((Number) as(user).body(Map.of("title", title, "body", body))
                .post(CAMPAIGN + "/suggestions").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    private static long participants() {
        return ((Number) given().get(CAMPAIGN).then().statusCode(200).extract().path("participants")).longValue();
    }
}
