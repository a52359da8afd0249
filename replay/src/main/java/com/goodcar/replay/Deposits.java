package com.goodcar.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Every buyer pays the lot's deposit as a person would: deposit-service opens a payment at the
 * sandbox PSP, the buyer pays on the sandbox's page (a POST, as its Pay button sends), the sandbox's
 * signed callback tells deposit-service, which holds the deposit and announces it to the auction.
 */
final class Deposits {

    private final Api api;
    private final Platform platform;
    private final Measurements measurements;
    private final Consumer<String> progress;

    Deposits(Api api, Platform platform, Measurements measurements, Consumer<String> progress) {
        this.api = api;
        this.platform = platform;
        this.measurements = measurements;
        this.progress = progress;
    }

    /** Returns each buyer's deposit id, in the buyers' order. */
    List<String> payAll(String lotId, List<Keycloak.Person> buyers, int parallelism) {
        Semaphore permits = new Semaphore(parallelism);
        AtomicInteger held = new AtomicInteger();
        List<Future<String>> paid = new ArrayList<>();
        long start = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Keycloak.Person buyer : buyers) {
                paid.add(executor.submit(() -> {
                    permits.acquireUninterruptibly();
                    try {
                        String id = pay(lotId, buyer);
                        int n = held.incrementAndGet();
                        if (n % 500 == 0) {
                            progress.accept(String.format("deposits: %d of %d held (%.0f s)", n, buyers.size(),
                                    (System.nanoTime() - start) / 1e9));
                        }
                        return id;
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : paid) {
                ids.add(f.get());
            }
            return ids;
        } catch (Exception e) {
            throw new ReplayFailure("deposits: " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }

    private String pay(String lotId, Keycloak.Person buyer) {
        String key = "replay-deposit-" + lotId.substring(0, 8) + "-" + buyer.username;
        long t0 = System.nanoTime();
        JsonNode opened = Platform.await(Settlement.WAIT, "deposit-service to know lot " + lotId, () -> {
            Api.Answer a = api.post(platform.deposit() + "/deposits", buyer::token, Map.of("lotId", lotId), key);
            // the lot reaches deposit-service through Kafka; a provider hiccup is retried with the same key
            if (a.status() == 409 && a.problem().endsWith("lot-unknown")) {
                return null;
            }
            return a.orThrow("opening a deposit for " + buyer.username);
        });
        measurements.step("deposit: opened (payment at the PSP)", micros(t0));
        String depositId = opened.path("deposit").path("id").asText();
        String payUrl = opened.path("payment").path("payUrl").asText();
        long t1 = System.nanoTime();
        Api.Answer pay = api.post(payUrl, null, null, null);
        if (!pay.ok() && pay.status() != 409) { // 409: paid already (an answer lost to a restart, then sent again)
            pay.orThrow("paying " + payUrl);
        }
        measurements.step("deposit: paid at the PSP", micros(t1));
        long t2 = System.nanoTime();
        Platform.await(Settlement.WAIT, "deposit " + depositId + " held", () -> {
            JsonNode d = api.get(platform.deposit() + "/deposits/" + depositId, buyer::token).orThrow("reading a deposit");
            return d.path("state").asText().equals("HELD") ? d : null;
        });
        measurements.step("deposit: held (the PSP's callback)", micros(t2));
        return depositId;
    }

    static long micros(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000;
    }
}
