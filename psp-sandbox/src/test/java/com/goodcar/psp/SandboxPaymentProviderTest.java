package com.goodcar.psp;

import static com.goodcar.psp.Psp.newId;
import static com.goodcar.psp.Psp.notifyUrl;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.goodcar.kit.payment.PaymentProvider;
import com.goodcar.kit.payment.SandboxPaymentProvider;
import io.restassured.RestAssured;
import com.goodcar.kit.payment.PaymentProvider.PaymentOrder;
import com.goodcar.kit.payment.PaymentProvider.PaymentStatus;
import com.goodcar.kit.payment.PaymentProvider.RefundOrder;
import com.goodcar.kit.testing.RealStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The merchant's adapter against the sandbox it is configured with, as deposit-service calls it. */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "psp"))
class SandboxPaymentProviderTest {

    @Inject
    ObjectMapper json;

    /** The merchants' adapter from service-kit, pointed at this sandbox, as deposit-service builds it. */
    private PaymentProvider provider;

    @BeforeEach
    void adapter() {
        provider = new SandboxPaymentProvider(() -> "http://127.0.0.1:" + RestAssured.port + "/psp-sandbox",
                Psp.merchantKey(), Duration.ofSeconds(5), json);
    }

    @Inject
    TestMerchant.Mailboxes mailboxes;

    @Test
    void aPaymentOpenedPaidAndRefundedThroughThePort() {
        String id = newId("pay");
        String mailbox = newId("port");
        var order = new PaymentOrder(id, 10_000, "Deposit for lot 1", notifyUrl(mailbox));
        var created = provider.create(order);
        assertEquals(created, provider.create(order), "the same payment for the same id");
        assertTrue(created.payUrl().endsWith("/psp-sandbox/pay/" + created.providerPaymentId()), created.payUrl());
        assertEquals(new PaymentStatus(id, created.providerPaymentId(), "CREATED", 10_000), provider.query(id));

        given().post(created.payUrl()).then().statusCode(200);
        assertEquals(new PaymentStatus(id, created.providerPaymentId(), "PAID", 10_000), provider.query(id));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailboxes.received(mailbox).size() == 1);

        var refunded = provider.refund(new RefundOrder("rf-" + id, id, 10_000, "lost the auction"));
        assertEquals("SUCCESS", refunded.state());
        assertEquals(refunded, provider.refund(new RefundOrder("rf-" + id, id, 10_000, "lost the auction")));
        var rejected = provider.refund(new RefundOrder("rf2-" + id, id, 1, "again"));
        assertEquals("REJECTED", rejected.state());
        assertTrue(rejected.reason().contains("exceeds"), rejected.reason());
    }

    @Test
    void requestsThatCannotSucceedAreRefusedNotRetried() {
        String id = newId("pay");
        provider.create(new PaymentOrder(id, 10_000, "Deposit", notifyUrl("nobody")));
        var changed = assertThrows(IllegalStateException.class,
                () -> provider.create(new PaymentOrder(id, 20_000, "Deposit", notifyUrl("nobody"))));
        assertTrue(changed.getMessage().contains("409"), changed.getMessage());
        assertThrows(IllegalStateException.class, () -> provider.query("never-opened"));
    }
}
