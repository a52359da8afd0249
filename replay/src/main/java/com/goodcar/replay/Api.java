package com.goodcar.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** JSON over HTTP to the platform's services, as any client of them would speak it. */
public final class Api {

    /** An answer: its status and its JSON body (a problem+json on refusals). */
    public record Answer(int status, JsonNode body, long micros) {
        public boolean ok() {
            return status / 100 == 2;
        }

        public String problem() {
            return body.path("type").asText("");
        }

        public JsonNode orThrow(String what) {
            if (!ok()) {
                throw new ReplayFailure(what + " answered " + status + ": " + body);
            }
            return body;
        }
    }

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public Answer get(String url, Supplier<String> token) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token, null);
    }

    public Answer post(String url, Supplier<String> token, Object body, String idempotencyKey) {
        return send(json(url, body).POST(publisher(body)), token, idempotencyKey);
    }

    public Answer put(String url, Supplier<String> token, Object body) {
        return send(json(url, body).PUT(publisher(body)), token, null);
    }

    public Answer postForm(String url, String form) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), null, null);
    }

    private static HttpRequest.Builder json(String url, Object body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        return body == null ? builder : builder.header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        try {
            return HttpRequest.BodyPublishers.ofByteArray(body instanceof String s ? s.getBytes() : JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends, and while the service is unreachable or answers 502/503/504 (restarting, handing a lot
     * over) sends the same request again, same Idempotency-Key, for up to {@link #RIDE_OUT}: what a
     * client does while a pod is replaced. The latency counts from the first attempt.
     */
    private Answer send(HttpRequest.Builder builder, Supplier<String> token, String idempotencyKey) {
        builder.timeout(TIMEOUT);
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        long start = System.nanoTime();
        long deadline = start + RIDE_OUT.toNanos();
        long pause = 50;
        while (true) {
            if (token != null) {
                builder.setHeader("Authorization", "Bearer " + token.get());
            }
            HttpRequest request = builder.build();
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if ((status == 502 || status == 503 || status == 504) && System.nanoTime() < deadline) {
                    retried.incrementAndGet();
                } else {
                    byte[] bytes = response.body();
                    JsonNode body = bytes.length == 0 ? MissingNode.getInstance() : parse(bytes);
                    return new Answer(status, body, (System.nanoTime() - start) / 1_000);
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new ReplayFailure(request.method() + " " + request.uri() + ": " + e, e);
                }
                unreachable.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReplayFailure("interrupted", e);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(pause).toNanos());
            pause = Math.min(1_000, pause * 2);
        }
    }

    /** How long a request is sent again while its service is down or busy (a restart takes seconds). */
    static final Duration RIDE_OUT = Duration.ofSeconds(90);
    private final java.util.concurrent.atomic.AtomicLong retried = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong unreachable = new java.util.concurrent.atomic.AtomicLong();

    /** Requests sent again: after a 502/503/504, after no connection. */
    public long[] retries() {
        return new long[]{retried.get(), unreachable.get()};
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(bytes));
        }
    }
}
