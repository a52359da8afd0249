package com.goodcar.kit.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.goodcar.kit.payment.PaymentProvider.PaymentOrder;
import com.goodcar.kit.payment.PaymentProvider.RefundOrder;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the adapter reports a provider that is down, failing or refusing: no Quarkus, a tiny HTTP server. */
class ProviderFailuresTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final PaymentOrder ORDER = new PaymentOrder("pay-1", 10_000, "Deposit", "http://127.0.0.1:1/cb");

    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> answer = new AtomicReference<>("{}");
    private final AtomicReference<String> keySeen = new AtomicReference<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            keySeen.set(exchange.getRequestHeaders().getFirst("X-Merchant-Key"));
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private SandboxPaymentProvider provider() {
        return new SandboxPaymentProvider(() -> "http://127.0.0.1:" + server.getAddress().getPort() + "/psp-sandbox/",
                "the-key", Duration.ofSeconds(2), JSON);
    }

    @Test
    void noAnswerIsUnavailable() throws IOException {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var down = new SandboxPaymentProvider(() -> "http://127.0.0.1:" + closed, "k", Duration.ofSeconds(2), JSON);
        assertThrows(PaymentProvider.Unavailable.class, () -> down.create(ORDER));
    }

    @Test
    void a5xxIsUnavailableWithTheProvidersDetail() {
        status.set(503);
        answer.set("{\"title\":\"Service unavailable\",\"detail\":\"maintenance until 02:00\"}");
        var failure = assertThrows(PaymentProvider.Unavailable.class, () -> provider().query("pay-1"));
        assertTrue(failure.getMessage().contains("maintenance until 02:00"), failure.getMessage());
    }

    @Test
    void a4xxIsARefusalRetryingCannotFix() {
        status.set(401);
        answer.set("not json at all");
        var failure = assertThrows(IllegalStateException.class,
                () -> provider().refund(new RefundOrder("r-1", "pay-1", 1, "why")));
        assertTrue(failure.getMessage().contains("401") && failure.getMessage().contains("not json"),
                failure.getMessage());
    }

    @Test
    void answersAreReadTolerantlyAndTheMerchantKeyIsSent() {
        answer.set("{\"providerPaymentId\":\"sbxpay_1\",\"payUrl\":\"http://x/pay/sbxpay_1\",\"addedLater\":true}");
        assertEquals(new PaymentProvider.CreatedPayment("sbxpay_1", "http://x/pay/sbxpay_1"), provider().create(ORDER));
        assertEquals("the-key", keySeen.get());
    }

    @Test
    void withoutAProviderEveryCallIsUnavailable() {
        var none = new PaymentProviders.NoPaymentProvider();
        var failure = assertThrows(PaymentProvider.Unavailable.class, () -> none.create(ORDER));
        assertEquals("no payment provider is configured (psp.provider)", failure.getMessage());
        assertThrows(PaymentProvider.Unavailable.class, () -> none.query("pay-1"));
        assertThrows(PaymentProvider.Unavailable.class, () -> none.refund(new RefundOrder("r", "pay-1", 1, "x")));
    }

    @Test
    void aRealProviderWithAPlaceholderSecretRefusesToStart() {
        for (String placeholder : new String[] {"", "  ", "sandbox-callback-secret-change-me", "CHANGE-ME", "sandbox-x"}) {
            var refused = assertThrows(IllegalStateException.class, () -> new PaymentProviders(PaymentProviders.NONE,
                    "", placeholder, Duration.ofSeconds(1)), placeholder);
            assertTrue(refused.getMessage().contains("psp.callback-secret"), refused.getMessage());
        }
        new PaymentProviders(PaymentProviders.NONE, "", "3f9c0e51d2a84b7e9a6d1c0b5e7f2a48", Duration.ofSeconds(1));
        new PaymentProviders(PaymentProviders.SANDBOX, "sandbox-merchant-key", "sandbox-callback-secret-change-me",
                Duration.ofSeconds(1));
    }

    @Test
    void anUnknownProviderRefusesToStart() {
        var refused = assertThrows(IllegalStateException.class, () -> new PaymentProviders("alipay-typo", "", "s3cr3t-v4lue",
                Duration.ofSeconds(1)));
        assertTrue(refused.getMessage().contains("alipay-typo"), refused.getMessage());
    }
}
