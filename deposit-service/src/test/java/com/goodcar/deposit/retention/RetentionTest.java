package com.goodcar.deposit.retention;

import static com.goodcar.kit.testing.TestDatabase.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.kit.payment.CallbackNonces;
import com.goodcar.kit.inbox.Inbox;
import com.goodcar.kit.outbox.OutboxRelay;
import com.goodcar.kit.testing.PspSandbox;
import com.goodcar.kit.testing.RealStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The three tables that would grow with every event and callback forget what can no longer
 * matter, and only that: an unpublished event, a recent event id or a nonce a replay could still
 * use is never pruned.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "deposit"))
@WithTestResource(PspSandbox.class)
class RetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    OutboxRelay relay;
    @Inject
    Inbox inbox;
    @Inject
    CallbackNonces nonces;

    @Test
    void publishedOutboxRowsGoAfterTheRetentionUnpublishedOnesNever() {
        relay.pause(); // the unpublished row below is a fixture, not an event to send
        try {
            String oldPublished = outboxRow("now() - interval '8 days'", "now() - interval '8 days'");
            String recentPublished = outboxRow("now() - interval '1 hour'", "now() - interval '1 hour'");
            String oldPending = outboxRow("now() - interval '30 days'", "null");

            assertTrue(relay.prune().await().atMost(WAIT) >= 1);

            assertEquals(0, count("outbox_message", oldPublished));
            assertEquals(1, count("outbox_message", recentPublished));
            assertEquals(1, count("outbox_message", oldPending), "an event not yet on Kafka is never pruned");
            number("with gone as (delete from outbox_message where event_id = ?::uuid returning 1) select count(*) from gone",
                    oldPending);
        } finally {
            relay.resume();
        }
    }

    @Test
    void processedEventIdsAreForgottenOnlyAfterTheRetention() {
        String old = processed("now() - interval '31 days'");
        String recent = processed("now() - interval '29 days'");

        assertTrue(inbox.prune().await().atMost(WAIT) >= 1);

        assertEquals(0, count("processed_event", old));
        assertEquals(1, count("processed_event", recent), "a redelivery within the retention is still recognised");
    }

    @Test
    void callbackNoncesAreForgottenOnlyWhenNoReplayCouldPassTheTimestampCheck() {
        // test max-age 5 minutes: a replay is stale from 10 minutes after the first delivery
        String old = nonce("now() - interval '12 minutes'");
        String recent = nonce("now() - interval '9 minutes'");

        assertTrue(nonces.prune().await().atMost(WAIT) >= 1);

        assertEquals(0, number("select count(*) from callback_nonce where nonce = ?", old));
        assertEquals(1, number("select count(*) from callback_nonce where nonce = ?", recent));
    }

    private static String outboxRow(String createdAt, String publishedAt) {
        String id = UUID.randomUUID().toString();
        number("with row as (insert into outbox_message (event_id, type, topic, message_key, payload, created_at, published_at) "
                + "values (?::uuid, 'test.fixture.v1', 'test.fixture', 'k', '{}', " + createdAt + ", " + publishedAt
                + ") returning 1) select count(*) from row", id);
        return id;
    }

    private static String processed(String at) {
        String id = UUID.randomUUID().toString();
        number("with row as (insert into processed_event (consumer, event_id, type, processed_at) "
                + "values ('retention-test', ?::uuid, 'test.fixture.v1', " + at + ") returning 1) select count(*) from row", id);
        return id;
    }

    private static String nonce(String at) {
        String nonce = "n-" + UUID.randomUUID();
        number("with row as (insert into callback_nonce (nonce, received_at) values (?, " + at
                + ") returning 1) select count(*) from row", nonce);
        return nonce;
    }

    private static long count(String table, String eventId) {
        return number("select count(*) from " + table + " where event_id = ?::uuid", eventId);
    }
}
