package com.goodcar.auction.log;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.goodcar.auction.log.BidLogVerifier.Verification;
import com.goodcar.auction.lot.Ladders;
import com.goodcar.auction.lot.LotRules;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Anyone's check of a published bid log, without trusting the server's own verification:
 * <pre>
 *   ./platform verify-log LOT_ID [--receipt SEQ:HASH ...]
 *   java -cp 'auction-service/target/quarkus-app/lib/main/*:auction-service/target/quarkus-app/app/*' \
 *        com.goodcar.auction.log.VerifyBidLog (http://127.0.0.1:8082 LOT_ID | --file LOG.json) [--receipt SEQ:HASH]
 * </pre>
 * It links every entry to the one before, recomputes each hash and, once the lot is final and its
 * maxima are public, replays the auction. A receipt (the {@code seq} and {@code logHash} a bidder
 * got with their 201) proves the server did not rewrite the chain behind it. Exit code 0 when valid.
 */
public final class VerifyBidLog {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private VerifyBidLog() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        var receipts = new HashMap<Long, String>();
        var positional = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--receipt") && i + 1 < args.length) {
                String[] receipt = args[++i].split(":", 2);
                receipts.put(Long.parseLong(receipt[0]), receipt[1]);
            } else {
                positional.add(args[i]);
            }
        }
        PublishedLog log;
        if (positional.size() == 2 && positional.get(0).equals("--file")) {
            log = JSON.readValue(Files.readString(Path.of(positional.get(1))), PublishedLog.class);
        } else if (positional.size() == 2) {
            log = fetch(positional.get(0), positional.get(1));
        } else {
            out.println("usage: VerifyBidLog (BASE_URL LOT_ID | --file LOG.json) [--receipt SEQ:HASH ...]");
            return 2;
        }
        Verification result = verify(log, receipts);
        if (result.valid()) {
            out.printf("VALID: lot %s (%s), %d entries, chain intact%s, %d receipt(s) found%s%n", log.lotId(),
                    log.status(), result.entries(), result.replayed() ? ", replayed to its final price" : "",
                    receipts.size(), result.finalPriceFen() == null ? "" : ", price " + result.finalPriceFen() + " fen");
            return 0;
        }
        out.printf("INVALID: lot %s, entry %d: %s%n", log.lotId(), result.firstBadSeq(), result.problem());
        return 1;
    }

    /** Verifies a whole published log and, where given, that each receipt's entry is in it unchanged. */
    public static Verification verify(PublishedLog log, Map<Long, String> receipts) {
        List<LogEntry> entries = log.entries();
        Verification result = log.salt() == null
                ? BidLogVerifier.verifyChain(log.lotId(), entries, null)
                : BidLogVerifier.verifyAndReplay(log.lotId(), rules(log), log.opensAt(), log.scheduledEndsAt(),
                        entries, log.salt());
        if (!result.valid()) {
            return result;
        }
        for (var receipt : receipts.entrySet()) {
            long seq = receipt.getKey();
            boolean found = seq >= 1 && seq <= entries.size() && entries.get((int) seq - 1).hash().equals(receipt.getValue());
            if (!found) {
                return new Verification(false, entries.size(), seq,
                        "the receipt's hash is not the log's entry " + seq + ": the chain was rewritten", false, null);
            }
        }
        return result;
    }

    /** The rules the log was published with; the deposit plays no part in a replay. */
    private static LotRules rules(PublishedLog log) {
        long maxPrice = log.maxPriceFen() == null ? LotRules.DEFAULT_MAX_PRICE_FEN : log.maxPriceFen();
        return new LotRules(log.startPriceFen(), log.reservePriceFen() == null ? 0 : log.reservePriceFen(), 1,
                Ladders.parse(log.ladder()), Duration.ofSeconds(log.softCloseSeconds()), maxPrice,
                log.maxRaiseFen() == null ? 0 : log.maxRaiseFen());
    }

    /** All pages of the log, joined. */
    static PublishedLog fetch(String baseUrl, String lotId) throws IOException, InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var entries = new ArrayList<LogEntry>();
        PublishedLog page = null;
        Long from = 1L;
        while (from != null) {
            var request = HttpRequest.newBuilder(URI.create(baseUrl + "/auctions/" + lotId + "/log?limit=10000&fromSeq="
                    + from)).timeout(Duration.ofSeconds(30)).build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            page = JSON.readValue(response.body(), PublishedLog.class);
            entries.addAll(page.entries());
            from = page.next();
        }
        return new PublishedLog(page.lotId(), page.status(), page.genesis(), page.opensAt(), page.scheduledEndsAt(),
                page.startPriceFen(), page.reservePriceFen(), page.ladder(), page.softCloseSeconds(),
                page.maxPriceFen(), page.maxRaiseFen(), page.salt(), entries, null);
    }
}
