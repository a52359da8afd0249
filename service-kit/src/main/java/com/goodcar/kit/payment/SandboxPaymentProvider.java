package com.goodcar.kit.payment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The merchant's side of the PSP sandbox: the port over the sandbox's HTTP API, as an adapter for
 * Alipay or WeChat Pay would be over theirs. Calls block (the caller runs them on a worker thread).
 * No answer or a 5xx is {@link PaymentProvider.Unavailable} (retry later with the same ids); a 4xx
 * means the request itself is wrong and is an {@link IllegalStateException} with the provider's
 * detail, since retrying it cannot help.
 */
public final class SandboxPaymentProvider implements PaymentProvider {

    private final Supplier<String> baseUrl;
    private final String merchantKey;
    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient http;

    /**
     * @param baseUrl read on every call: in tests the server's port is known only once it listens
     */
    public SandboxPaymentProvider(Supplier<String> baseUrl, String merchantKey, Duration timeout, ObjectMapper json) {
        this.baseUrl = baseUrl;
        this.merchantKey = merchantKey;
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public CreatedPayment create(PaymentOrder order) {
        return call(post("/v1/payments", order), CreatedPayment.class, "create payment " + order.merchantPaymentId());
    }

    @Override
    public PaymentStatus query(String merchantPaymentId) {
        var request = request("/v1/payments/" + URLEncoder.encode(merchantPaymentId, StandardCharsets.UTF_8)).GET();
        return call(request, PaymentStatus.class, "query payment " + merchantPaymentId);
    }

    @Override
    public RefundResult refund(RefundOrder order) {
        return call(post("/v1/refunds", order), RefundResult.class, "refund " + order.merchantRefundId());
    }

    private HttpRequest.Builder post(String path, Object body) {
        try {
            return request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(stripSlash(baseUrl.get()) + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("X-Merchant-Key", merchantKey);
    }

    private <T> T call(HttpRequest.Builder request, Class<T> answer, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable(what + ": the payment provider did not answer (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(what + ": interrupted while waiting for the payment provider", e);
        }
        int status = response.statusCode();
        if (status >= 500) {
            throw new Unavailable(what + ": the payment provider answered " + status + " " + detail(response.body()),
                    null);
        }
        if (status < 200 || status >= 300) {
            throw new IllegalStateException(what + ": the payment provider refused it with " + status + " "
                    + detail(response.body()));
        }
        try {
            return tolerant(answer).readValue(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(what + ": unreadable answer from the payment provider: " + e.getMessage(), e);
        }
    }

    /** A provider may add fields to its answers; only the port's fields are read. */
    private ObjectReader tolerant(Class<?> type) {
        return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private String detail(String body) {
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.hasNonNull("detail")) {
                return "(" + problem.path("title").asText() + ": " + problem.get("detail").asText() + ")";
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through: quote the start of whatever it was
        }
        return body == null || body.isEmpty() ? "" : "(" + body.substring(0, Math.min(body.length(), 200)) + ")";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
