package com.goodcar.deposit.settlement;

import static com.goodcar.deposit.Buyers.close;
import static com.goodcar.deposit.Buyers.ledgerCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.contracts.EventCodec;
import com.goodcar.contracts.Topics;
import com.goodcar.deposit.PaidHolds;
import com.goodcar.kit.testing.PspSandbox;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import com.goodcar.kit.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The broker is stopped while a lot's holds are being settled, and started again: refunds go on
 * without it, the events wait in the outbox, and once it is back every deposit.released.v1 and
 * deposit.refunded.v1 reaches the topic; every hold ends REFUNDED, once, and the ledger balances.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "deposit"))
@WithTestResource(PspSandbox.class)
class BrokerOutageTest {

    private static final int HOLDS = 500;

    @Test
    void settlementRidesOutAKafkaOutage() throws Exception {
        String lot = "lot-outage-" + UUID.randomUUID();
        assertEquals(HOLDS, TestDatabase.number(PaidHolds.sql(HOLDS), lot));
        assertEquals(HOLDS, PspSandbox.number(PaidHolds.providerSql(HOLDS), lot));
        try (var topic = TopicProbe.from(Topics.DEPOSIT_HOLDS)) {
            close(lot, "UNSOLD", null);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.number(
                    "select count(*) from journal_entry where lot_id = ? and movement = 'RELEASE'", lot) == HOLDS);
            platform("kafka", "stop");
            try {
                Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> TestDatabase.number(
                        "select count(*) from deposit where lot_id = ? and state = 'REFUNDED'", lot) == HOLDS);
                assertTrue(TestDatabase.number("select count(*) from outbox_message where published_at is null "
                        + "and payload like ?", "%" + lot + "%") > 0, "events wait in the outbox while the broker is down");
            } finally {
                platform("kafka", "start");
            }
            var released = new HashSet<String>();
            var refunded = new HashSet<String>();
            var codec = new EventCodec();
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> {
                for (var record : topic.received(r -> r.value().contains(lot))) {
                    {
                        var event = codec.read(record.value());
                        (event.type().equals("deposit.released.v1") ? released : refunded).add(event.subject());
                    }
                }
                return released.size() == HOLDS && refunded.size() == HOLDS;
            });
        }
        assertEquals(HOLDS, PspSandbox.number("select count(*) from psp_refund where merchant_payment_id like ?",
                "pay-" + lot + "-%"), "refunded once each");
        var check = ledgerCheck();
        assertTrue(check.getBoolean("balanced") && check.getList("mismatches").isEmpty(), check.prettify());
    }

    private static void platform(String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<String>();
        command.add(Path.of("..", "platform").toAbsolutePath().normalize().toString());
        command.addAll(java.util.List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, process.waitFor(), "./platform " + String.join(" ", args));
    }
}
