package com.goodcar.auction.bidding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** An SSE connection read on a thread of its own: every line kept, awaited by a condition. */
final class LiveLines implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private final CompletableFuture<Void> reading;
    private volatile BufferedReader reader;

    private LiveLines(String url) {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build();
        reading = CompletableFuture.runAsync(() -> {
            try {
                var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    static LiveLines open(String url) {
        return new LiveLines(url);
    }

    /** Waits until a line matches; fails with what arrived if none does in time. */
    String await(Predicate<String> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            try {
                reading.get(50, TimeUnit.MILLISECONDS);
                break; // the stream ended
            } catch (java.util.concurrent.TimeoutException stillOpen) {
                // keep waiting for the next line
            } catch (Exception ended) {
                break;
            }
        }
        throw new AssertionError("no matching line within " + timeout + "; got " + lines);
    }

    @Override
    public void close() {
        reading.cancel(true);
        try {
            if (reader != null) {
                reader.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        client.shutdownNow();
    }
}
