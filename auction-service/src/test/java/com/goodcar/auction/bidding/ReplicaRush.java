package com.goodcar.auction.bidding;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Bidders in a rush against the replicas a load balancer lists, round robin. Each bid is sent until
 * it has a final answer, as a well-behaved client does: a 503 is retried with the same
 * Idempotency-Key after a short back-off, a cut-off connection on the next replica. So at the end
 * every bid's fate is known: acknowledged (201, its receipt kept) or refused (4xx).
 */
final class ReplicaRush implements AutoCloseable {

    /** A 5xx answer seen on the way, before the retry that settled the bid. */
    record ServerError(Instant at, String endpoint, int status, String retryAfter, String body) {
    }

    private static final String[] BIDDERS = {"alice", "bob", "carol"};
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private final String lot;
    private final String run;
    private final List<String> endpoints = new CopyOnWriteArrayList<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicLong nextMax = new AtomicLong(20_000);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients;
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final List<ServerError> serverErrors = new CopyOnWriteArrayList<>();
    private final List<String> cutOff = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<Instant> acknowledgedAt = new CopyOnWriteArrayList<>();
    private final List<String> unsettled = new CopyOnWriteArrayList<>();
    // every answer a key got, in order: what a failing assertion shows of a bid it cannot account for
    private final Map<String, List<String>> history = new ConcurrentHashMap<>();

    ReplicaRush(String lot, String run, List<String> endpoints, int clientCount) {
        this.lot = lot;
        this.run = run;
        this.endpoints.addAll(endpoints);
        this.clients = Executors.newFixedThreadPool(clientCount);
        for (int c = 0; c < clientCount; c++) {
            int client = c;
            clients.submit(() -> bidUntilStopped(client));
        }
    }

    /** The replica leaves the rotation, as a terminating pod leaves its Service's endpoints. */
    void leave(String endpoint) {
        endpoints.remove(endpoint);
    }

    void join(String endpoint) {
        endpoints.add(endpoint);
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    /** When the first bid was acknowledged after {@code moment}, as its client saw it. */
    Instant firstAcknowledgedAfter(Instant moment) {
        return acknowledgedAt.stream().filter(at -> at.isAfter(moment)).min(Instant::compareTo).orElseThrow();
    }

    /** Idempotency-Key → the 201 body. */
    Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    List<ServerError> serverErrors() {
        return List.copyOf(serverErrors);
    }

    /** The requests whose connection was lost before an answer: when, to which replica, how. */
    List<String> cutOff() {
        return List.copyOf(cutOff);
    }

    int refused() {
        return refused.get();
    }

    /** What the key's tries got, in order ("201 @replica", "cut off @replica", "409 {body} @replica"). */
    List<String> historyOf(String key) {
        return List.copyOf(history.getOrDefault(key, List.of()));
    }

    /** Bids still without a final answer when the rush was stopped (should be none). */
    List<String> unsettled() {
        return List.copyOf(unsettled);
    }

    private void bidUntilStopped(int client) {
        String bidder = BIDDERS[client % BIDDERS.length];
        for (int n = 0; running.get(); n++) {
            String key = "rush-" + run + "-" + client + "-" + n;
            long max = nextMax.addAndGet(1_000);
            if (!settle(bidder, key, max)) {
                unsettled.add(key);
            }
        }
    }

    private boolean settle(String bidder, String key, long max) {
        Instant deadline = Instant.now().plus(SETTLE);
        while (Instant.now().isBefore(deadline)) {
            List<String> rotation = new ArrayList<>(endpoints);
            if (rotation.isEmpty()) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                continue;
            }
            String endpoint = rotation.get(Math.floorMod(turn.getAndIncrement(), rotation.size()));
            Response answer;
            try {
                answer = RemoteAuction.bid(endpoint, lot, bidder, max, key);
            } catch (Exception connectionLost) { // RestAssured throws ConnectException and the like unwrapped
                String how = "cut off (" + connectionLost + ") @" + endpoint;
                cutOff.add(Instant.now() + " " + key + " " + how);
                tried(key, how);
                continue; // the same key on the next replica
            }
            int status = answer.statusCode();
            tried(key, status + (status == 201 ? "" : " " + answer.asString()) + " @" + endpoint);
            if (status == 201) {
                acknowledged.put(key, answer.asString());
                acknowledgedAt.add(Instant.now());
                return true;
            }
            if (status < 500) {
                refused.incrementAndGet();
                return true;
            }
            serverErrors.add(new ServerError(Instant.now(), endpoint, status, answer.header("Retry-After"), answer.asString()));
            // the client's back-off before its retry, not a test waiting for a condition
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        return false;
    }

    private void tried(String key, String outcome) {
        history.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(Instant.now() + " " + outcome);
    }

    @Override
    public void close() {
        running.set(false);
        clients.shutdown();
        try {
            if (!clients.awaitTermination(SETTLE.toSeconds() + 10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the rush's clients did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
