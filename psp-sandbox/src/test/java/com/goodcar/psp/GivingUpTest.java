package com.goodcar.psp;

import static com.goodcar.psp.Psp.newId;
import static com.goodcar.psp.Psp.notifications;
import static com.goodcar.psp.Psp.notifyUrl;
import static com.goodcar.psp.Psp.opened;
import static com.goodcar.psp.Psp.pay;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.goodcar.kit.testing.RealStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With a short schedule (3 attempts, 0.2 s apart), so that giving up takes a second, not nine minutes. */
@QuarkusTest
@TestProfile(GivingUpTest.ShortSchedule.class)
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "psp"))
class GivingUpTest {

    public static class ShortSchedule implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sandbox.notify.first-retry", "PT0.2S",
                    "sandbox.notify.max-retry", "PT0.3S",
                    "sandbox.notify.max-attempts", "3");
        }
    }

    @Inject
    TestMerchant.Mailboxes mailboxes;

    @Test
    void aCallbackNobodyAcknowledgesIsGivenUpAfterTheLastAttempt() {
        String mailbox = newId("always-down");
        mailboxes.failNext(mailbox, 1_000);
        String id = newId("pay");
        pay(opened(id, 10_000, notifyUrl(mailbox))).then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> "GAVE_UP".equals(notifications(id).path("[0].state")));
        notifications(id).then()
                .body("[0].deliveries.status", is(List.of(503, 503, 503)))
                .body("[0].finishedAt", notNullValue());
        // no attempt after giving up: holds for 1 s, however late the poller gets to look
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(15))
                .until(() -> mailboxes.received(mailbox).size() == 3);
    }

    @Test
    void aMerchantNobodyListensForIsAnAttemptWithoutAStatus() {
        String id = newId("pay");
        // port 9 (discard) is closed on loopback: the connection is refused at once
        pay(opened(id, 10_000, "http://127.0.0.1:9/callbacks")).then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> "GAVE_UP".equals(notifications(id).path("[0].state")));
        notifications(id).then()
                .body("[0].attempts", is(3))
                .body("[0].deliveries.status", everyItem(nullValue()))
                .body("[0].deliveries.error", everyItem(notNullValue()));
    }
}
