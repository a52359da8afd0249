package com.goodcar.order.flow;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.contracts.auction.AuctionScheduled;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.PspSandbox;
import com.goodcar.kit.testing.RunDatabase;
import com.goodcar.kit.testing.ServiceProcess;
import com.goodcar.kit.testing.StackAddresses;
import com.goodcar.kit.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's rules with the packaged order- and deposit-service, the PSP sandbox and Kafka between
 * them: three buyers hold deposits, each wins a lot. Alice pays in time: her deposit counts towards
 * the car. Bob pays, then cancels: what he paid comes back in full, his deposit is lost. Carol
 * confirms and lets the payment window pass: her deposit is lost, once. The ledger balances.
 */
class WinnerSettlementIT {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final long HAMMER = 7_819_339_900L;
    private static final long DEPOSIT = 10_000;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static RunDatabase ordersDb;
    private static RunDatabase depositDb;
    private static PspSandbox sandbox;
    private static ServiceProcess deposit;
    private static ServiceProcess orders;

    @BeforeAll
    static void start() {
        ordersDb = StackAddresses.runDatabase("orders", "orders_settle_" + RUN);
        depositDb = StackAddresses.runDatabase("deposit", "deposit_settle_" + RUN);
        ordersDb.create();
        depositDb.create();
        sandbox = PspSandbox.started(RUN);
        String depositGroup = "deposit-settle-" + RUN;
        deposit = new ServiceProcess(Path.of("../deposit-service/target/quarkus-app/quarkus-run.jar"), Map.of(
                "DEPOSIT_DB_URL", depositDb.config().get("quarkus.datasource.reactive.url"),
                "DEPOSIT_DB_JDBC_URL", depositDb.config().get("quarkus.datasource.jdbc.url"),
                "DEPOSIT_PSP_PROVIDER", "sandbox",
                "DEPOSIT_PSP_URL", sandbox.url(),
                "MP_MESSAGING_INCOMING_AUCTION_LOTS_GROUP_ID", depositGroup,
                "MP_MESSAGING_INCOMING_ORDER_ORDERS_GROUP_ID", depositGroup,
                "MP_MESSAGING_INCOMING_AUCTION_LOTS_AUTO_OFFSET_RESET", "latest",
                "MP_MESSAGING_INCOMING_ORDER_ORDERS_AUTO_OFFSET_RESET", "latest"));
        String orderGroup = "order-settle-" + RUN;
        orders = new ServiceProcess(Path.of("target/quarkus-app/quarkus-run.jar"), Map.of(
                "ORDER_DB_URL", ordersDb.config().get("quarkus.datasource.reactive.url"),
                "ORDER_DB_JDBC_URL", ordersDb.config().get("quarkus.datasource.jdbc.url"),
                "ORDER_PSP_PROVIDER", "sandbox",
                "ORDER_PSP_URL", sandbox.url(),
                // packaged processes have no test clock: a window a test can wait out
                "ORDER_PAY_WITHIN", "PT25S",
                "ORDER_LAPSE_SCAN", "1s",
                "MP_MESSAGING_INCOMING_AUCTION_LOTS_GROUP_ID", orderGroup,
                "MP_MESSAGING_INCOMING_AUCTION_LOTS_AUTO_OFFSET_RESET", "latest"));
        deposit.start(Duration.ofSeconds(90));
        orders.start(Duration.ofSeconds(90));
        // both start at the topics' ends, so nothing published before this run is replayed
        ConsumerGroups.awaitAssigned(depositGroup, "auction.lots", WAIT);
        ConsumerGroups.awaitAssigned(depositGroup, "order.orders", WAIT);
        ConsumerGroups.awaitAssigned(orderGroup, "auction.lots", WAIT);
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess process : new ServiceProcess[] {orders, deposit}) {
            if (process != null) {
                process.close();
            }
        }
        if (sandbox != null) {
            sandbox.close();
        }
        ordersDb.drop();
        depositDb.drop();
    }

    @Test
    void paidInTimeAppliedCancelledAfterPaymentRefundedAndForfeitedLateForfeitedOnce() {
        var deposits = new HashMap<String, String>();
        var wonOrders = new HashMap<String, String>();
        for (String buyer : List.of("alice", "bob", "carol")) {
            String lot = "lot-settle-" + UUID.randomUUID();
            deposits.put(buyer, heldDeposit(buyer, lot));
            try (var auction = EventPublisher.as("/auction-service")) {
                auction.publish(new AuctionClosed(lot, "AION-UT-SUPER-NGC001", "SOLD", Tokens.subject(buyer),
                        "K3XQ9PZ1A7MB", HAMMER, DEPOSIT, 23_733, Instant.now()));
            }
            awaitDeposit(buyer, deposits.get(buyer), "WON");
            wonOrders.put(buyer, orderOf(buyer, lot));
        }

        // alice confirms and pays the hammer price less her deposit
        JsonPath alicePays = confirmAndPay("alice", wonOrders.get("alice"));
        assertEquals(HAMMER - DEPOSIT, alicePays.getLong("amountFen"));
        given().post(alicePays.getString("payUrl")).then().statusCode(200);
        awaitOrder("alice", wonOrders.get("alice"), "PAID");
        awaitDeposit("alice", deposits.get("alice"), "APPLIED");

        // bob pays, then cancels: the refund is what he paid; the deposit is lost
        JsonPath bobPays = confirmAndPay("bob", wonOrders.get("bob"));
        given().post(bobPays.getString("payUrl")).then().statusCode(200);
        awaitOrder("bob", wonOrders.get("bob"), "PAID");
        as("bob").post(orders.baseUri() + "/orders/" + wonOrders.get("bob") + "/cancel").then().statusCode(200);
        awaitDeposit("bob", deposits.get("bob"), "FORFEITED");
        Awaitility.await().atMost(WAIT).until(() -> "SUCCEEDED".equals(as("bob")
                .get(orders.baseUri() + "/orders/" + wonOrders.get("bob") + "/payments").path("[0].refundState")));
        assertEquals(HAMMER - DEPOSIT, PspSandbox.number(
                "select amount_fen from psp_refund where merchant_payment_id = ?", bobPays.getString("paymentId")));

        // carol confirms and lets the window pass
        as("carol").post(orders.baseUri() + "/orders/" + wonOrders.get("carol") + "/confirm").then().statusCode(200);
        awaitOrder("carol", wonOrders.get("carol"), "EXPIRED");
        awaitDeposit("carol", deposits.get("carol"), "FORFEITED");

        JsonPath check = as("olga").get(deposit.baseUri() + "/ledger/check").then().statusCode(200).extract().jsonPath();
        assertTrue(check.getBoolean("balanced") && check.getList("mismatches").isEmpty(), check.prettify());
        JsonPath trial = as("olga").get(deposit.baseUri() + "/ledger/trial-balance").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(0L, balance(trial, "buyer-deposits-held"), trial.prettify());
        assertEquals(DEPOSIT, balance(trial, "order-clearing"), "alice's deposit counts towards her car: " + trial.prettify());
        assertEquals(2 * DEPOSIT, balance(trial, "forfeit-income"), "bob's and carol's, each once: " + trial.prettify());
    }

    private static String heldDeposit(String buyer, String lot) {
        try (var auction = EventPublisher.as("/auction-service")) {
            auction.publish(new AuctionScheduled(lot, "AION-UT-SUPER-NGC001", "National Good Car No. 001", 100, DEPOSIT,
                    Instant.now(), Instant.now().plus(Duration.ofHours(4))));
        }
        String key = "settle-" + UUID.randomUUID();
        var opened = new JsonPath[1];
        // the lot reaches deposit-service as auction.scheduled.v1, a moment after it was published
        Awaitility.await().atMost(WAIT).until(() -> {
            var response = as(buyer).header("Idempotency-Key", key).body(Map.of("lotId", lot))
                    .post(deposit.baseUri() + "/deposits");
            if (response.statusCode() == 201) {
                opened[0] = response.jsonPath();
                return true;
            }
            assertEquals(409, response.statusCode(), response.asString());
            return false;
        });
        given().post(opened[0].getString("payment.payUrl")).then().statusCode(200);
        String id = opened[0].getString("deposit.id");
        awaitDeposit(buyer, id, "HELD");
        return id;
    }

    private static String orderOf(String buyer, String lot) {
        var id = new String[1];
        Awaitility.await().atMost(WAIT).until(() -> {
            List<String> found = as(buyer).get(orders.baseUri() + "/orders").path("items.findAll { it.lotId == '" + lot
                    + "' }.id");
            id[0] = found.isEmpty() ? null : found.getFirst();
            return id[0] != null;
        });
        return id[0];
    }

    private static JsonPath confirmAndPay(String buyer, String order) {
        as(buyer).post(orders.baseUri() + "/orders/" + order + "/confirm").then().statusCode(200);
        return as(buyer).post(orders.baseUri() + "/orders/" + order + "/pay").then().statusCode(200).extract().jsonPath();
    }

    private static void awaitOrder(String buyer, String order, String state) {
        Awaitility.await().atMost(WAIT).until(() -> state.equals(as(buyer)
                .get(orders.baseUri() + "/orders/" + order).then().extract().path("state")));
    }

    private static void awaitDeposit(String buyer, String depositId, String state) {
        Awaitility.await().atMost(WAIT).until(() -> state.equals(as(buyer)
                .get(deposit.baseUri() + "/deposits/" + depositId).then().extract().path("state")));
    }

    private static long balance(JsonPath trial, String account) {
        return trial.getLong("accounts.find { it.account == '" + account + "' }.balanceFen");
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }
}
