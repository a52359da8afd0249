package com.goodcar.psp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.kit.payment.PaymentNotification;
import com.goodcar.psp.SandboxPayment.State;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxPaymentTest {

    private static final Instant OPENED = Instant.parse("2026-11-11T00:00:00Z");
    private static final Instant EXPIRES = OPENED.plusSeconds(7200);

    private static SandboxPayment payment(State state, long refunded) {
        return new SandboxPayment("sbxpay_1", "pay-1", 10_000, "Deposit", "http://m/cb", state, refunded, OPENED,
                EXPIRES, state == State.PAID ? OPENED.plusSeconds(60) : null, null);
    }

    @Test
    void anUnpaidPaymentClosesWhenItExpires() {
        assertEquals(State.CREATED, payment(State.CREATED, 0).stateAt(EXPIRES.minusMillis(1)));
        assertEquals(State.CLOSED, payment(State.CREATED, 0).stateAt(EXPIRES));
        assertEquals(State.PAID, payment(State.PAID, 0).stateAt(EXPIRES.plusSeconds(86_400)));
    }

    @Test
    void refundsFitWhatIsLeftOfAPaidPayment() {
        assertEquals(Optional.empty(), payment(State.PAID, 0).refundRefusal(10_000, OPENED));
        assertEquals(Optional.empty(), payment(State.PAID, 6_000).refundRefusal(4_000, OPENED));
        assertTrue(payment(State.PAID, 6_000).refundRefusal(4_001, OPENED).orElseThrow().contains("4000 of 10000"));
        assertTrue(payment(State.CREATED, 0).refundRefusal(1, OPENED).orElseThrow().contains("not paid"));
        assertTrue(payment(State.CLOSED, 0).refundRefusal(1, OPENED).isPresent());
        assertEquals(0, payment(State.CREATED, 0).refundableFen());
    }

    @Test
    void theCallbackReportsThePaymentAsPaid() {
        assertEquals(new PaymentNotification("pay-1", "sbxpay_1", 10_000, "PAID", OPENED.plusSeconds(60)),
                payment(State.PAID, 0).paidNotification());
        assertThrows(IllegalStateException.class, () -> payment(State.CREATED, 0).paidNotification());
    }

    @Test
    void thePayPageShowsYuanAndEscapesTheMerchantsText() {
        assertEquals("¥100.00", PayPage.yuan(10_000));
        assertEquals("¥0.05", PayPage.yuan(5));
        assertEquals("¥781933.99", PayPage.yuan(78_193_399));
        assertEquals("&lt;b onclick=&quot;x&quot;&gt;&amp;&#39;", PayPage.escape("<b onclick=\"x\">&'"));
        String page = PayPage.html(payment(State.CREATED, 0), OPENED);
        assertTrue(page.contains("<form method=\"post\">"), page);
    }
}
