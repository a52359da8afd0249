package com.goodcar.auction.bidding;

import static com.goodcar.auction.Auctions.bid;
import static com.goodcar.auction.Auctions.holdFor;
import static com.goodcar.auction.Auctions.openLot;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.auction.lot.Auctioneer;
import com.goodcar.auction.lot.Bid;
import com.goodcar.auction.lot.BidOutcome;
import com.goodcar.auction.lot.Ladders;
import com.goodcar.auction.lot.Lot;
import com.goodcar.auction.lot.LotRules;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Many bids on one lot at once, mostly from stale reads: every one answered, the log complete and
 * valid, and the lot's final price and leader those an independent replay of the log gives.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "auction"))
class RushTest {

    /** One row of the bid table, as the writer committed it. */
    record Logged(long seq, String bidderId, String bidderCode, long maxFen, long priceFen, String leaderCode,
                  Instant at) {
        static Logged parse(String line) {
            String[] f = line.split("\\|");
            return new Logged(Long.parseLong(f[0]), f[1], f[2], Long.parseLong(f[3]), Long.parseLong(f[4]), f[5],
                    Instant.EPOCH.plus(Long.parseLong(f[6]), ChronoUnit.MICROS));
        }
    }

    @Test
    void aRushOfStaleBidsLeavesAConsistentVerifiableLog() {
        String lot = openLot();
        String[] bidders = {"alice", "bob", "carol"};
        holdFor(lot, bidders);
        List<Response> answers;
        try (var pool = Executors.newFixedThreadPool(24)) {
            List<CompletableFuture<Response>> bids = IntStream.range(0, 300)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> bid(bidders[i % 3], lot, maximum(i)), pool))
                    .toList();
            answers = bids.stream().map(CompletableFuture::join).toList();
        }
        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409 || s == 422), "unexpected answers: " + statuses);
        var acknowledgedSeqs = new TreeSet<Long>();
        answers.stream().filter(a -> a.statusCode() == 201)
                .forEach(a -> assertTrue(acknowledgedSeqs.add(a.jsonPath().getLong("seq")), "two 201s with one seq"));
        long accepted = acknowledgedSeqs.size();
        assertTrue(accepted > 1, "the rush moved the price more than once: " + accepted);

        var view = given().get("/auctions/" + lot).then().statusCode(200).extract().jsonPath();
        assertEquals(accepted, view.getLong("bidCount"), "every 201 is one bid of the lot");
        given().get("/auctions/" + lot + "/log/verification").then()
                .body("valid", is(true)).body("entries", is((int) accepted));

        List<Logged> log = TestDatabase.text("""
                select seq || '|' || bidder_id || '|' || bidder_code || '|' || max_fen || '|' || price_fen || '|'
                       || leader_code || '|' || (extract(epoch from at) * 1000000)::bigint
                from bid where lot_id = ? order by seq""", lot).lines().map(Logged::parse).toList();
        assertEquals(acknowledgedSeqs, new TreeSet<>(log.stream().map(Logged::seq).toList()),
                "the log holds exactly the seqs answered with 201");
        assertEquals(List.copyOf(new TreeSet<>(acknowledgedSeqs)),
                IntStream.rangeClosed(1, (int) accepted).mapToObj(i -> (long) i).toList(), "seqs run 1..n without gaps");
        for (int i = 1; i < log.size(); i++) {
            assertTrue(log.get(i).priceFen() >= log.get(i - 1).priceFen(),
                    "the price never goes down along seq: " + log.get(i - 1) + " then " + log.get(i));
        }
        for (Response a : answers.stream().filter(a -> a.statusCode() == 201).toList()) {
            JsonPath body = a.jsonPath();
            Logged entry = log.get((int) body.getLong("seq") - 1);
            assertEquals(entry.maxFen(), body.getLong("maxFen"), "a 201 names the bid the log holds at its seq");
            assertEquals(entry.priceFen(), body.getLong("priceFen"), "a 201 quotes the price the log holds at its seq");
        }

        Lot replayed = replay(lot, log);
        Map<String, String> codes = new HashMap<>();
        log.forEach(e -> codes.put(e.bidderId(), e.bidderCode()));
        assertEquals(replayed.priceFen(), view.getLong("priceFen"), "the lot's price is the replay's");
        assertEquals(codes.get(replayed.leader().bidderId()), view.getString("leaderCode"), "the lot's leader is the replay's");
        assertEquals(replayed.leader().bidderId() + "|" + replayed.leader().maxFen(),
                TestDatabase.text("select leader_id || '|' || leader_max_fen from lot where id = ?", lot),
                "the stored leader and maximum are the replay's");

        // and without the engine's code: the highest maximum leads (the earliest on a tie) and pays at
        // least every other bidder's maximum, at most one increment above the highest of them
        Logged top = log.stream().max(Comparator.comparingLong(Logged::maxFen)
                .thenComparing(Logged::seq, Comparator.reverseOrder())).orElseThrow();
        assertEquals(top.bidderCode(), view.getString("leaderCode"), "the holder of the highest maximum leads");
        long second = log.stream().filter(e -> !e.bidderId().equals(top.bidderId())).mapToLong(Logged::maxFen).max()
                .orElseThrow();
        long price = view.getLong("priceFen");
        long increment = rules(lot).ladder().incrementAt(second);
        assertTrue(price >= second && price <= Math.min(top.maxFen(), second + increment),
                "price " + price + " between the second-highest maximum " + second + " and it plus one increment ("
                        + increment + "), never above the leader's " + top.maxFen());
    }

    /**
     * Rising maxima one step apart, and one far above them all early on: its holder leads to the end,
     * and every later bid is answered by that proxy at the second-highest maximum plus one increment.
     */
    private static long maximum(int i) {
        return i == 10 ? 1_000_000L : 1_000L + 100L * i;
    }

    /** The lot again from its rules and its log alone, each logged bid placed at its logged time. */
    private static Lot replay(String lotId, List<Logged> log) {
        String[] times = TestDatabase.text("""
                select (extract(epoch from opens_at) * 1000000)::bigint || '|'
                       || (extract(epoch from scheduled_ends_at) * 1000000)::bigint from lot where id = ?""", lotId)
                .split("\\|");
        Lot lot = Lot.schedule(lotId, "replay", rules(lotId), Instant.EPOCH.plus(Long.parseLong(times[0]), ChronoUnit.MICROS),
                Instant.EPOCH.plus(Long.parseLong(times[1]), ChronoUnit.MICROS));
        Map<String, String> codes = new HashMap<>();
        log.forEach(e -> codes.put(e.bidderId(), e.bidderCode()));
        for (Logged entry : log) {
            BidOutcome outcome = Auctioneer.place(lot, new Bid(entry.bidderId(), entry.maxFen(), true), entry.at());
            var acceptedBid = assertInstanceOf(BidOutcome.Accepted.class, outcome, "logged bid refused on replay: " + entry);
            assertEquals(entry.seq(), acceptedBid.seq(), "replayed seq");
            assertEquals(entry.priceFen(), acceptedBid.priceFen(), "replayed price of " + entry);
            assertEquals(entry.leaderCode(), codes.get(acceptedBid.leader().bidderId()), "replayed leader of " + entry);
            lot = lot.after(acceptedBid);
        }
        return lot;
    }

    private static LotRules rules(String lotId) {
        String[] r = TestDatabase.text("""
                select start_price_fen || '|' || reserve_price_fen || '|' || deposit_fen || '|' || ladder || '|'
                       || soft_close_seconds || '|' || max_price_fen || '|' || max_raise_fen from lot where id = ?""",
                lotId).split("\\|");
        return new LotRules(Long.parseLong(r[0]), Long.parseLong(r[1]), Long.parseLong(r[2]), Ladders.parse(r[3]),
                Duration.ofSeconds(Long.parseLong(r[4])), Long.parseLong(r[5]), Long.parseLong(r[6]));
    }
}
