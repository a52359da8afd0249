package com.goodcar.replay;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The crowd that only watches: SSE streams of the lot, spread over the auction replicas. Each new
 * state's staleness is its arrival minus the instant its writer decided it ("asOf"), on the same
 * clock since everything runs on this machine. A repeated state (the 10 s heartbeat) is not counted.
 */
final class Watchers implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private final List<HttpClient> clients = new ArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger drops = new AtomicInteger();
    private final AtomicInteger reconnected = new AtomicInteger();
    private final AtomicLong frames = new AtomicLong();
    private final Measurements measurements;
    private final Instant opensAt;
    private volatile boolean closing;

    Watchers(Measurements measurements, Instant opensAt) {
        this.measurements = measurements;
        this.opensAt = opensAt;
    }

    void open(List<String> auctionUrls, String lotId, int count) {
        // a few clients, each with its own connection pool and selector thread, as many browsers would be
        for (int i = 0; i < Math.max(1, Math.min(8, count / 250)); i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
        }
        for (int i = 0; i < count; i++) {
            String url = auctionUrls.get(i % auctionUrls.size()) + "/auctions/" + lotId + "/stream";
            HttpClient client = clients.get(i % clients.size());
            threads.add(Thread.ofVirtual().name("watcher-" + i).start(() -> watch(client, url)));
        }
    }

    /** Follows the stream; a dropped one (a replica restarting) reconnects with Last-Event-ID, as a browser's EventSource does. */
    private void watch(HttpClient client, String url) {
        long lastSeq = -1;
        boolean first = true;
        while (!closing) {
            var request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
            if (lastSeq >= 0) {
                request.header("Last-Event-ID", Long.toString(lastSeq));
            }
            boolean counted = false;
            try {
                HttpResponse<Stream<String>> response = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    response.body().close();
                    throw new java.io.IOException("answered " + response.statusCode());
                }
                open.incrementAndGet();
                counted = true;
                if (!first) {
                    reconnected.incrementAndGet();
                }
                first = false;
                try (Stream<String> lines = response.body()) {
                    var it = lines.iterator();
                    while (!closing && it.hasNext()) {
                        String line = it.next();
                        if (!line.startsWith("data:") || !line.contains("\"asOf\"")) {
                            continue; // ids, the catch-up of missed bids, blank lines
                        }
                        frames.incrementAndGet();
                        long seq = number(line, "\"lastSeq\":");
                        if (seq == lastSeq) {
                            continue; // the heartbeat repeats the state it had
                        }
                        boolean initial = lastSeq < 0;
                        lastSeq = seq;
                        if (!initial) {
                            Instant now = Instant.now();
                            Instant asOf = Instant.parse(text(line, "\"asOf\":\""));
                            measurements.staleness((int) Duration.between(opensAt, now).toSeconds(),
                                    Math.max(0, Duration.between(asOf, now).toMillis()));
                        }
                        if (line.contains("\"status\":\"SOLD\"") || line.contains("\"status\":\"UNSOLD\"")) {
                            return;
                        }
                    }
                }
            } catch (Exception e) {
                if (closing || Thread.currentThread().isInterrupted()) {
                    return;
                }
                drops.incrementAndGet();
            } finally {
                if (counted) {
                    open.decrementAndGet();
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

    int reconnected() {
        return reconnected.get();
    }

    int open() {
        return open.get();
    }

    /** Streams that dropped (each tried again). */
    int lost() {
        return drops.get();
    }

    long frames() {
        return frames.get();
    }

    @Override
    public void close() {
        closing = true;
        clients.forEach(HttpClient::shutdownNow);
        threads.forEach(Thread::interrupt);
    }

    private static long number(String line, String field) {
        int at = line.indexOf(field);
        if (at < 0) {
            return -1;
        }
        int from = at + field.length();
        int to = from;
        while (to < line.length() && Character.isDigit(line.charAt(to))) {
            to++;
        }
        return Long.parseLong(line.substring(from, to));
    }

    private static String text(String line, String field) {
        int from = line.indexOf(field) + field.length();
        return line.substring(from, line.indexOf('"', from));
    }
}
