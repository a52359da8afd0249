package com.goodcar.deposit.refund;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.deposit.PaidHolds;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.PspSandbox;
import com.goodcar.kit.testing.RunDatabase;
import com.goodcar.kit.testing.ServiceProcess;
import com.goodcar.kit.testing.StackAddresses;
import com.goodcar.kit.testing.Tokens;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged deposit-service is killed with SIGKILL in the middle of refunding a closed lot's
 * holds, and started again: afterwards every hold is REFUNDED, the provider was asked for exactly
 * one refund per hold, and the ledger balances with every deposit matching its entries.
 */
class RefundCrashIT {

    private static final int HOLDS = 2_000;
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final String GROUP = "deposit-crash-" + RUN;
    private static RunDatabase database;
    private static PspSandbox sandbox;
    private static Map<String, String> environment;

    @BeforeAll
    static void database() {
        database = StackAddresses.runDatabase("deposit", "deposit_crash_" + RUN);
        database.create();
        sandbox = PspSandbox.started(RUN);
        environment = Map.of(
                "DEPOSIT_DB_URL", database.config().get("quarkus.datasource.reactive.url"),
                "DEPOSIT_DB_JDBC_URL", database.config().get("quarkus.datasource.jdbc.url"),
                "DEPOSIT_PSP_PROVIDER", "sandbox",
                "DEPOSIT_PSP_URL", sandbox.url(),
                "DEPOSIT_REFUND_LEASE", "3S",
                "MP_MESSAGING_INCOMING_AUCTION_LOTS_GROUP_ID", GROUP,
                "MP_MESSAGING_INCOMING_AUCTION_LOTS_AUTO_OFFSET_RESET", "latest",
                "MP_MESSAGING_INCOMING_ORDER_ORDERS_GROUP_ID", GROUP,
                "MP_MESSAGING_INCOMING_ORDER_ORDERS_AUTO_OFFSET_RESET", "latest");
    }

    @AfterAll
    static void drop() {
        sandbox.close();
        database.drop();
    }

    @Test
    void killedDuringARefundBatchEveryHoldIsRefundedExactlyOnce() throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        String lot = "lot-crash-" + RUN;
        long refundedBeforeKill;
        try (var service = new ServiceProcess(jar, environment).start(Duration.ofSeconds(90));
             var auction = EventPublisher.as("/auction-service")) {
            ConsumerGroups.awaitAssigned(GROUP, "auction.lots", Duration.ofSeconds(60));
            assertEquals(HOLDS, number(PaidHolds.sql(HOLDS), lot));
            assertEquals(HOLDS, PspSandbox.number(PaidHolds.providerSql(HOLDS), lot));
            auction.publish(new AuctionClosed(lot, "E", "UNSOLD", null, null, null, 10_000, 0, Instant.now()));
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
                    number("select count(*) from refund where lot_id = ? and state = 'SUCCEEDED'", lot) > 0);
            service.kill();
            refundedBeforeKill = number("select count(*) from refund where lot_id = ? and state = 'SUCCEEDED'", lot);
        }
        assertTrue(refundedBeforeKill < HOLDS, "killed before the refunds were done (" + refundedBeforeKill + ")");
        long inFlight = number("select count(*) from refund where lot_id = ? and state = 'REQUESTED'", lot);

        try (var restarted = new ServiceProcess(jar, environment).start(Duration.ofSeconds(90))) {
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                    number("select count(*) from deposit where lot_id = ? and state = 'REFUNDED'", lot) == HOLDS);
            assertEquals(HOLDS, number("select count(*) from deposit where lot_id = ?", lot), "one final state each");
            assertEquals(HOLDS, PspSandbox.number("select count(distinct merchant_payment_id) from psp_refund "
                    + "where merchant_payment_id like ?", "pay-" + lot + "-%"));
            assertEquals(HOLDS, PspSandbox.number("select count(*) from psp_refund where merchant_payment_id like ?",
                    "pay-" + lot + "-%"), "the provider refunded each payment once (" + inFlight
                    + " requests were in flight at the kill)");
            JsonPath check = given().auth().oauth2(Tokens.of("olga")).get(restarted.baseUri() + "/ledger/check")
                    .then().statusCode(200).extract().jsonPath();
            assertTrue(check.getBoolean("balanced") && check.getList("mismatches").isEmpty(), check.prettify());
            System.out.printf("FIGURE refund-crash: killed with %d of %d refunds booked and %d in flight; all refunded once "
                    + "after the restart%n", refundedBeforeKill, HOLDS, inFlight);
        }
    }

    private static long number(String sql, Object... params) {
        return database.number(sql, params);
    }
}
