package com.goodcar.deposit.flow;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.deposit.PackagedServices;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.PspSandbox;
import com.goodcar.kit.testing.RunDatabase;
import com.goodcar.kit.testing.ServiceProcess;
import com.goodcar.kit.testing.StackAddresses;
import com.goodcar.kit.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two packaged services, as they run in production, talking only through Kafka: a lot is
 * scheduled at the auction, three buyers pay their deposits at the PSP sandbox, the auction lets
 * them bid because deposit.held.v1 arrived, the lot closes at its end, and deposit-service refunds
 * the two losers while the winner's hold waits for the order.
 */
class FullFlowIT {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static RunDatabase auctionDb;
    private static RunDatabase depositDb;
    private static ServiceProcess auction;
    private static ServiceProcess deposit;
    private static PspSandbox sandbox;

    @BeforeAll
    static void start() {
        auctionDb = StackAddresses.runDatabase("auction", "auction_flow_" + RUN);
        depositDb = StackAddresses.runDatabase("deposit", "deposit_flow_" + RUN);
        auctionDb.create();
        depositDb.create();
        sandbox = PspSandbox.started(RUN);
        auction = PackagedServices.auction(auctionDb, "auction-flow-" + RUN);
        deposit = PackagedServices.deposit(depositDb, "deposit-flow-" + RUN, Map.of(
                "DEPOSIT_PSP_PROVIDER", "sandbox",
                "DEPOSIT_PSP_URL", sandbox.url()));
        auction.start(Duration.ofSeconds(90));
        deposit.start(Duration.ofSeconds(90));
        // both start at the topics' ends, so nothing published before this run is replayed
        ConsumerGroups.awaitAssigned("auction-flow-" + RUN, "deposit.holds", Duration.ofSeconds(60));
        ConsumerGroups.awaitAssigned("deposit-flow-" + RUN, "auction.lots", Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        PackagedServices.stop(auction, deposit);
        if (sandbox != null) {
            sandbox.close();
        }
        auctionDb.drop();
        depositDb.drop();
    }

    @Test
    void depositBidCloseLosersRefundedWinnersHoldWaiting() {
        // packaged processes have no test clock: the end leaves a loaded machine a minute for three
        // deposits, their holds and four bids, and the close is then awaited, not timed
        Instant endsAt = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        String lot = as("olga").header("Idempotency-Key", "flow-lot-" + RUN)
                .body(Map.of("editionCode", "AION-UT-SUPER-NGC001", "title", "National Good Car No. 001",
                        "opensAt", Instant.now().minusSeconds(1).toString(), "endsAt", endsAt.toString(),
                        "softCloseSeconds", 0))
                .post(auction.baseUri() + "/auctions").then().statusCode(201).extract().path("id");

        var deposits = new HashMap<String, String>();
        for (String buyer : List.of("alice", "bob", "carol")) {
            JsonPath opened = openDeposit(buyer, lot);
            given().post(opened.getString("payment.payUrl")).then().statusCode(200);
            deposits.put(buyer, opened.getString("deposit.id"));
        }
        for (String buyer : deposits.keySet()) {
            awaitState(buyer, deposits.get(buyer), "HELD");
        }
        // the auction learned the holds from deposit.held.v1 alone
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> as("olga")
                .get(auction.baseUri() + "/auctions/" + lot + "/holds").then().extract().<Integer>path("active") == 3);

        bid("alice", lot, 20_000).then().statusCode(201);
        bid("carol", lot, 30_000).then().statusCode(201);
        bid("bob", lot, 50_000).then().statusCode(201);
        bid("alice", lot, 40_000).then().statusCode(201); // bob's proxy answers: bob leads at 41,000

        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> "WON".equals(as("bob")
                .get(deposit.baseUri() + "/deposits/" + deposits.get("bob")).then().extract().path("state")));
        awaitState("alice", deposits.get("alice"), "REFUNDED");
        awaitState("carol", deposits.get("carol"), "REFUNDED");
        var closed = given().get(auction.baseUri() + "/auctions/" + lot).then().statusCode(200).extract();
        assertEquals("SOLD", closed.path("status"));
        assertEquals(41_000, ((Number) closed.path("priceFen")).longValue());

        JsonPath check = as("olga").get(deposit.baseUri() + "/ledger/check").then().statusCode(200).extract().jsonPath();
        assertTrue(check.getBoolean("balanced") && check.getList("mismatches").isEmpty(), check.prettify());
        JsonPath trial = as("olga").get(deposit.baseUri() + "/ledger/trial-balance").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(10_000L, balance(trial, "buyer-deposits-held"), "only the winner's deposit is still held");
        assertEquals(0L, balance(trial, "refunds-payable"), "both refunds confirmed");
    }

    private static long balance(JsonPath trial, String account) {
        return trial.getLong("accounts.find { it.account == '" + account + "' }.balanceFen");
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    private static JsonPath openDeposit(String buyer, String lot) {
        String key = "flow-" + buyer + "-" + UUID.randomUUID();
        var body = new JsonPath[1];
        // the lot reaches deposit-service as auction.scheduled.v1, a moment after it was created
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = as(buyer).header("Idempotency-Key", key).body(Map.of("lotId", lot))
                    .post(deposit.baseUri() + "/deposits");
            if (response.statusCode() == 201) {
                body[0] = response.jsonPath();
                return true;
            }
            assertEquals(409, response.statusCode(), response.asString());
            return false;
        });
        return body[0];
    }

    private static void awaitState(String buyer, String depositId, String state) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> state.equals(as(buyer)
                .get(deposit.baseUri() + "/deposits/" + depositId).then().extract().path("state")));
    }

    private static io.restassured.response.Response bid(String buyer, String lot, long maxFen) {
        return as(buyer).header("Idempotency-Key", "flow-bid-" + UUID.randomUUID()).body(Map.of("maxFen", maxFen))
                .post(auction.baseUri() + "/auctions/" + lot + "/bids");
    }
}
