package com.goodcar.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * What must hold once the dust settles, read from the services' own answers: the bid log has every
 * acknowledged bid and verifies, the price is the seed's, one order, every deposit final (the
 * winner's applied, every other refunded once), the ledger balances, the car delivered.
 */
final class EndChecks {

    record Check(String name, String expected, String actual, boolean ok) {
    }

    private final Api api;
    private final Platform platform;
    private final List<Check> checks = new ArrayList<>();

    EndChecks(Api api, Platform platform) {
        this.api = api;
        this.platform = platform;
    }

    List<Check> run(String lotId, Map<Long, Bidding.Accepted> accepted, long finalPriceFen, List<Keycloak.Person> buyers,
                    int winner, Keycloak.Person operator, Settlement.Outcome outcome, long depositFen) {
        Supplier<String> op = operator::token;
        JsonNode verification = api.get(platform.auction() + "/auctions/" + lotId + "/log/verification", op)
                .orThrow("the log's verification");
        check("bid log verifies (hash chain, replayed rules)", "valid", verification.path("valid").asBoolean() ? "valid"
                : "invalid at " + verification.path("firstBadSeq") + ": " + verification.path("problem"), verification.path("valid").asBoolean());
        long entries = verification.path("entries").asLong();
        check("bids acknowledged = bids in the log", accepted.size() + " acknowledged", entries + " in the log", entries == accepted.size());
        long receipts = receiptsFound(lotId, accepted, op); // pages through the whole log: once
        check("every receipt (seq, hash) is in the log", accepted.size() + " receipts", receipts + " found",
                receipts == accepted.size());
        JsonNode lot = api.get(platform.auction() + "/auctions/" + lotId, null).orThrow("the lot");
        check("final price", Bidding.yuan(finalPriceFen) + " yuan, SOLD",
                Bidding.yuan(lot.path("priceFen").asLong()) + " yuan, " + lot.path("status").asText(),
                lot.path("priceFen").asLong() == finalPriceFen && lot.path("status").asText().equals("SOLD"));

        int orders = ordersFor(lotId, buyers);
        check("orders for the lot (every buyer asked)", "1 (the winner's)", String.valueOf(orders), orders == 1);
        check("the winner paid price − deposit", Bidding.yuan(finalPriceFen - depositFen) + " yuan",
                Bidding.yuan(outcome.amountPaidFen()) + " yuan", outcome.amountPaidFen() == finalPriceFen - depositFen);

        Map<String, Integer> states = Platform.await(Settlement.WAIT, "every deposit in a final state", () -> {
            Map<String, Integer> s = depositStates(lotId, op);
            return s.getOrDefault("APPLIED", 0) == 1 && s.getOrDefault("REFUNDED", 0) == buyers.size() - 1 ? s : null;
        });
        check("deposits: the winner's applied, every other refunded", "APPLIED=1, REFUNDED=" + (buyers.size() - 1),
                states.toString(), states.size() == 2);
        Map<String, Long> refunds = new TreeMap<>();
        for (String state : List.of("PENDING", "REQUESTED", "SUCCEEDED", "FAILED")) {
            refunds.put(state, api.get(platform.deposit() + "/refunds?lotId=" + lotId + "&state=" + state + "&size=1", op)
                    .orThrow("refunds").path("total").asLong());
        }
        check("refunds: one per loser, all confirmed", "SUCCEEDED=" + (buyers.size() - 1), refunds.toString(),
                refunds.get("SUCCEEDED") == buyers.size() - 1 && refunds.values().stream().mapToLong(Long::longValue).sum() == buyers.size() - 1);
        JsonNode ledger = api.get(platform.deposit() + "/ledger/check", op).orThrow("the ledger check");
        check("ledger trial balance", "debits = credits", Bidding.yuan(ledger.path("totalDebitFen").asLong()) + " = "
                + Bidding.yuan(ledger.path("totalCreditFen").asLong()) + " yuan, " + ledger.path("mismatches").size() + " mismatches",
                ledger.path("balanced").asBoolean() && ledger.path("mismatches").isEmpty());
        check("delivery", "DELIVERED at " + Settlement.OUTLET, outcome.state() + " at " + Settlement.OUTLET,
                outcome.state().equals("DELIVERED"));
        JsonNode stuck = api.get(platform.orders() + "/orders/stuck", op).orThrow("stuck orders");
        boolean ours = stuck.toString().contains(outcome.orderId());
        check("nothing stuck (order-service's list)", "not listed", ours ? "listed" : "not listed (" + stuck.size() + " others)", !ours);
        return checks;
    }

    private void check(String name, String expected, String actual, boolean ok) {
        checks.add(new Check(name, expected, actual, ok));
    }

    private long receiptsFound(String lotId, Map<Long, Bidding.Accepted> accepted, Supplier<String> op) {
        long found = 0;
        long from = 1;
        while (true) {
            JsonNode page = api.get(platform.auction() + "/auctions/" + lotId + "/log?fromSeq=" + from + "&limit=1000", op)
                    .orThrow("the bid log");
            JsonNode entries = page.isArray() ? page : page.path("entries");
            if (entries.isEmpty()) {
                return found;
            }
            for (JsonNode e : entries) {
                Bidding.Accepted a = accepted.get(e.path("seq").asLong());
                if (a != null && a.receipt().equals(e.path("hash").asText())) {
                    found++;
                }
                from = e.path("seq").asLong() + 1;
            }
        }
    }

    private int ordersFor(String lotId, List<Keycloak.Person> buyers) {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var semaphore = new java.util.concurrent.Semaphore(16);
            List<Future<Integer>> counts = new ArrayList<>();
            for (Keycloak.Person buyer : buyers) {
                counts.add(executor.submit(() -> {
                    semaphore.acquireUninterruptibly();
                    try {
                        int n = 0;
                        for (JsonNode o : api.get(platform.orders() + "/orders", buyer::token).orThrow("orders").path("items")) {
                            n += lotId.equals(o.path("lotId").asText()) ? 1 : 0;
                        }
                        return n;
                    } finally {
                        semaphore.release();
                    }
                }));
            }
            int total = 0;
            for (Future<Integer> f : counts) {
                total += f.get();
            }
            return total;
        } catch (Exception e) {
            throw new ReplayFailure("counting orders: " + e.getMessage(), e);
        }
    }

    private Map<String, Integer> depositStates(String lotId, Supplier<String> op) {
        Map<String, Integer> states = new TreeMap<>();
        for (int page = 0; ; page++) {
            JsonNode answer = api.get(platform.deposit() + "/deposits?lotId=" + lotId + "&size=100&page=" + page, op)
                    .orThrow("the lot's deposits");
            for (JsonNode d : answer.path("items")) {
                states.merge(d.path("state").asText(), 1, Integer::sum);
            }
            if (answer.path("items").size() < 100) {
                return states;
            }
        }
    }
}
