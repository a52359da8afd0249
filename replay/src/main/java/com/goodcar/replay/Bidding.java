package com.goodcar.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The rush: bidders keep the lot's price on the seed's curve, compressed in time, each bid built from
 * the price they last heard (so some arrive stale and are refused, as in any rush); some bid the
 * minimum (manual), some a maximum above it (proxy). The last few bids are placed one at a time so
 * that the hammer falls on exactly the seed's final price.
 */
public final class Bidding {

    /** An accepted bid as its answer told it. */
    record Accepted(long seq, int buyer, long maxFen, long priceFen, boolean leading, String receipt) {
    }

    private final Api api;
    private final List<String> auctionUrls;
    private final String lotId;
    private final List<Keycloak.Person> buyers;
    private final SeedCurve curve;
    private final LotPlan plan;
    private final Measurements measurements;
    private final Consumer<String> progress;
    private final ConcurrentSkipListMap<Long, Accepted> accepted = new ConcurrentSkipListMap<>();
    private final AtomicLong knownPrice;
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private volatile boolean stop;
    private Instant opensAt;
    private int winner = -1;

    Bidding(Api api, List<String> auctionUrls, String lotId, List<Keycloak.Person> buyers, SeedCurve curve,
            LotPlan plan, Measurements measurements, Consumer<String> progress) {
        this.api = api;
        this.auctionUrls = auctionUrls;
        this.lotId = lotId;
        this.buyers = buyers;
        this.curve = curve;
        this.plan = plan;
        this.measurements = measurements;
        this.progress = progress;
        this.knownPrice = new AtomicLong(plan.startPriceFen());
    }

    /** Bids from the lot's opening until the hammer price is reached; returns the winner's index. */
    int run(Instant opensAt, int concurrency) {
        this.opensAt = opensAt;
        long startedAt = System.nanoTime();
        try (var senders = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                int lane = i;
                senders.submit(() -> rush(lane));
            }
            var reporter = Thread.ofVirtual().start(this::reportEvery10s);
            senders.shutdown();
            while (!senders.awaitTermination(1, TimeUnit.SECONDS)) {
                // waiting for the rush to reach the last bids
            }
            reporter.interrupt();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayFailure("interrupted");
        }
        progress.accept(String.format("bidding: the rush is over after %.0f s at %s yuan (%d accepted); the last bids one at a time",
                (System.nanoTime() - startedAt) / 1e9, yuan(knownPrice.get()), accepted.size()));
        endgame();
        return winner;
    }

    /**
     * Lane k bids k steps above the price it last heard: the lanes' bids meet in one batch of the
     * lot's writer, lowest first, and each is accepted on top of the one before (each within the
     * raise cap of the price at its turn), so the price can climb as fast as the seed's first
     * minute. A lane waits while the curve is not that far ahead of the price.
     */
    private void rush(int lane) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long nearTheEnd = new Endgame(plan, curve.finalPriceFen()).planFromFen() - plan.maxRaiseFen();
        while (!stop) {
            long price = knownPrice.get();
            if (price >= nearTheEnd) {
                stop = true;
                return;
            }
            Duration seedElapsed = seedElapsed();
            long target = seedElapsed.compareTo(curve.length()) >= 0 ? curve.finalPriceFen() : curve.priceAt(seedElapsed);
            long step = plan.incrementAt(price);
            long max = price + (lane + 1) * step;
            if (max > target + step) {
                LockSupport.parkNanos(2_000_000); // ahead of the curve: wait for it, as the real crowd did
                continue;
            }
            if (random.nextInt(100) < 40) {
                max += random.nextLong(plan.maxRaiseFen() - step + 1); // a proxy: a maximum above the step
            }
            bid(pickNotLeading(random), Math.min(max, nearTheEnd + plan.maxRaiseFen()), lane);
        }
    }

    /** The hammer must fall on exactly the seed's price: climb by the cap, then the bids {@link Endgame} plans. */
    private void endgame() {
        long target = curve.finalPriceFen();
        Endgame planner = new Endgame(plan, target);
        for (int round = 0; round < 1_000; round++) {
            Accepted last = accepted.isEmpty() ? null : accepted.lastEntry().getValue();
            Accepted leading = leadingBid();
            long price = last == null ? plan.startPriceFen() : last.priceFen();
            if (price == target) {
                winner = leading.buyer();
                return;
            }
            var state = new Endgame.State(price, leading == null ? 0 : leading.maxFen());
            long max = price < planner.planFromFen()
                    ? Math.max(price + plan.incrementAt(price), Math.min(price + plan.maxRaiseFen(), planner.planFromFen()))
                    : planner.plan(state).orElseThrow(() -> new ReplayFailure("no bids reach " + yuan(target)
                    + " yuan exactly from " + state)).getFirst();
            bid(pickNot(leading == null ? -1 : leading.buyer(), ThreadLocalRandom.current()), max, -1);
        }
        throw new ReplayFailure("the last bids did not reach " + yuan(target) + " yuan in 1,000 rounds");
    }

    private void bid(int buyer, long maxFen, int lane) {
        Keycloak.Person person = buyers.get(buyer);
        String key = "replay-" + UUID.randomUUID();
        String base = auctionUrls.get(Math.floorMod(lane < 0 ? 0 : lane, auctionUrls.size()));
        Api.Answer answer = api.post(base + "/auctions/" + lotId + "/bids", person::token, Map.of("maxFen", maxFen), key);
        int second = (int) Duration.between(opensAt, Instant.now()).toSeconds();
        measurements.step("bid", answer.micros());
        JsonNode body = answer.body();
        if (answer.status() == 201) {
            Accepted a = new Accepted(body.path("seq").asLong(), buyer, maxFen, body.path("priceFen").asLong(),
                    body.path("leading").asBoolean(), body.path("logHash").asText());
            accepted.put(a.seq(), a);
            knownPrice.accumulateAndGet(a.priceFen(), Math::max);
            measurements.bid(second, answer.micros(), true, a.priceFen());
        } else {
            measurements.bid(second, answer.micros(), false, 0);
            String type = answer.problem().replaceAll(".*/", "");
            if (refusals.merge(answer.status() + " " + type, 1, Integer::sum) == 1) {
                progress.accept("bidding: first '" + type + "' refusal (max " + maxFen + " fen): " + body);
            }
            if (body.has("priceFen")) {
                knownPrice.accumulateAndGet(body.path("priceFen").asLong(), Math::max);
            }
            if (type.equals("lot-closed")) {
                throw new ReplayFailure("the lot closed at " + yuan(knownPrice.get()) + " yuan, before the seed's price: "
                        + "the platform could not keep up at this speed (try a lower --speed)");
            }
            if (type.equals("raise-too-large")) {
                LockSupport.parkNanos(5_000_000); // a lane above the first waits for the price to climb
            }
            if (!List.of("outbid", "below-increment", "already-leading", "raise-too-large").contains(type)) {
                throw new ReplayFailure("a bid of " + maxFen + " fen answered " + answer.status() + ": " + body);
            }
        }
    }

    private Accepted leadingBid() {
        for (Accepted a : accepted.descendingMap().values()) {
            if (a.leading()) {
                return a;
            }
        }
        return null;
    }

    private int pickNotLeading(ThreadLocalRandom random) {
        Accepted leading = accepted.isEmpty() ? null : leadingBid();
        return pickNot(leading == null ? -1 : leading.buyer(), random);
    }

    private int pickNot(int excluded, ThreadLocalRandom random) {
        int buyer;
        do {
            buyer = random.nextInt(buyers.size());
        } while (buyer == excluded && buyers.size() > 1);
        return buyer;
    }

    private Duration seedElapsed() {
        Duration replay = Duration.between(opensAt, Instant.now());
        return replay.isNegative() ? Duration.ZERO : replay.multipliedBy(plan.speed());
    }

    private void reportEvery10s() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(10_000);
                Duration seed = seedElapsed();
                progress.accept(String.format("bidding: seed time %d:%02d, price %s yuan (the seed: %s), %d accepted, refused %s",
                        seed.toHours(), seed.toMinutesPart(), yuan(knownPrice.get()), yuan(curve.priceAt(seed)),
                        accepted.size(), refusals));
            }
        } catch (InterruptedException e) {
            // the rush is over
        }
    }

    Map<Long, Accepted> accepted() {
        return accepted;
    }

    Map<String, Integer> refusals() {
        return Map.copyOf(refusals);
    }


    static String yuan(long fen) {
        return String.format("%,d", fen / SeedCurve.YUAN);
    }
}
