package com.goodcar.catalog.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The campaign at the seed's size (300,000 participants, 50,000 suggestions): the ranking must stay
 * an index walk whose cost does not grow with the campaign. Its speed is measured by
 * {@code ./platform bench catalog}; this test guards the plan that makes it fast.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class RankingAtScaleTest {

    private static final String CAMPAIGN = "/campaigns/scale-300k";

    @BeforeAll
    static void seedTheCampaign() {
        TestDatabase.script("/scale/campaign-300k.sql");
    }

    @Test
    void aPageIsAnIndexWalkNotASortOfTheWholeCampaign() {
        String plan = TestDatabase.text("explain " + Ranking.BY_OFFSET
                .replace("$1", "'scale-300k'").replace("$2", "980").replace("$3", "20"));
        assertTrue(plan.contains("Index Scan Backward using suggestion_ranking"), plan);
        assertFalse(plan.contains("Sort"), plan);
    }

    @Test
    void aCursorSeeksIntoTheIndexInsteadOfWalkingFromTheTop() {
        String plan = TestDatabase.text("explain " + Ranking.AFTER_CURSOR
                .replace("$1", "'scale-300k'").replace("$2", "3").replace("$3", "-20000").replace("$4", "20"));
        assertTrue(plan.contains("Index Cond: ((campaign_code = 'scale-300k'::text) AND (ROW(vote_count, (- id)) <"), plan);
        assertFalse(plan.contains("Filter"), plan);
        assertFalse(plan.contains("Sort"), plan);
    }

    @Test
    void pagesAreInRankOrderWithTheTotalOfTheWholeCampaign() {
        var response = given().queryParam("page", 3).queryParam("size", 50).get(CAMPAIGN + "/suggestions").then()
                .statusCode(200)
                .body("total", is(50_000))
                .body("items[0].rank", is(151))
                .extract();
        List<Integer> votes = response.path("items.votes");
        assertEquals(50, votes.size());
        for (int i = 1; i < votes.size(); i++) {
            assertTrue(votes.get(i - 1) >= votes.get(i), "votes must not increase down the ranking: " + votes);
        }
        long hundredFiftyFirst = TestDatabase.number("""
                select vote_count from suggestion where campaign_code = 'scale-300k'
                order by vote_count desc, id offset 150 limit 1""");
        assertEquals(hundredFiftyFirst, votes.getFirst().longValue());
        given().get(CAMPAIGN).then().body("participants", is(300_000));
    }

    /** More readers at once than the pool has connections: each must get its page (no pool deadlock). */
    @Test
    void aCrowdOfReadersAllGetTheirPage() throws Exception {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + CAMPAIGN + "/suggestions?size=20");
        List<CompletableFuture<HttpResponse<String>>> reads = IntStream.range(0, 96)
                .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        for (var read : reads) {
            assertEquals(200, read.get(30, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void theNextCursorContinuesExactlyWhereAnOffsetPageWould() {
        String next = given().queryParam("page", 2).queryParam("size", 25).get(CAMPAIGN + "/suggestions").then()
                .statusCode(200).extract().path("next");
        var byOffset = given().queryParam("page", 3).queryParam("size", 25).get(CAMPAIGN + "/suggestions").then()
                .extract();
        var byCursor = given().queryParam("after", next).queryParam("size", 25).get(CAMPAIGN + "/suggestions").then()
                .statusCode(200).extract();
        assertEquals(byOffset.<List<Integer>>path("items.id"), byCursor.<List<Integer>>path("items.id"));
        assertEquals(byOffset.<List<Integer>>path("items.rank"), byCursor.<List<Integer>>path("items.rank"));

        given().queryParam("after", "not-a-cursor").get(CAMPAIGN + "/suggestions").then()
                .statusCode(400).body("title", is("Bad cursor"));
    }
}
