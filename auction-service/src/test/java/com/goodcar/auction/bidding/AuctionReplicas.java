package com.goodcar.auction.bidding;

import static io.restassured.RestAssured.given;

import com.goodcar.contracts.deposit.DepositHeld;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.RunDatabase;
import com.goodcar.kit.testing.ServiceProcess;
import com.goodcar.kit.testing.StackAddresses;
import com.goodcar.kit.testing.Tokens;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * Packaged auction-service processes on a database of their own, as the tests of crashes and of
 * several replicas run them: each replica with its instance id and its own consumer group on
 * {@code deposit.holds}, reading from the newest offset, so only this run's holds reach it.
 */
final class AuctionReplicas implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Duration START = Duration.ofSeconds(60);
    static final String HOLDS_TOPIC = "MP_MESSAGING_INCOMING_DEPOSIT_HOLDS_TOPIC";

    private final String name;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final RunDatabase database;
    private final List<ServiceProcess> started = new ArrayList<>();

    /** {@code name}: the test's, in the database's and the consumer groups' names. */
    AuctionReplicas(String name) {
        this.name = name;
        this.database = StackAddresses.runDatabase("auction", "auction_" + name.replace('-', '_') + "_" + run);
        database.create();
    }

    /** Unique to this run: for lot titles and Idempotency-Keys. */
    String run() {
        return run;
    }

    RunDatabase database() {
        return database;
    }

    /** The replica's instance id, as the lot row names its owner. */
    String instance(String id) {
        return id + "-" + run;
    }

    /**
     * Starts replica {@code id} (again, after a crash, with the same id) with {@code settings} on top
     * (e.g. AUCTION_LEASE), and returns once its consumer holds its share of {@code deposit.holds}.
     */
    ServiceProcess start(String id, Map<String, String> settings) {
        var config = database.config();
        var environment = new HashMap<>(Map.of(
                "AUCTION_DB_URL", config.get("quarkus.datasource.reactive.url"),
                "AUCTION_DB_JDBC_URL", config.get("quarkus.datasource.jdbc.url"),
                "AUCTION_INSTANCE_ID", instance(id),
                "MP_MESSAGING_INCOMING_DEPOSIT_HOLDS_GROUP_ID", group(id),
                "MP_MESSAGING_INCOMING_DEPOSIT_HOLDS_AUTO_OFFSET_RESET", "latest"));
        environment.putAll(settings);
        var process = new ServiceProcess(JAR, environment).start(START);
        started.add(process);
        if (!settings.containsKey(HOLDS_TOPIC)) { // a replica sent to a silent topic is to hear nothing
            ConsumerGroups.awaitAssigned(group(id), "deposit.holds", START);
        }
        return process;
    }

    private String group(String id) {
        return "auction-" + name + "-" + id + "-" + run;
    }

    /**
     * The bidders' deposits held on the lot, announced as deposit-service does; returns once every
     * one of {@code counting} has them on record.
     */
    void depositsHeld(String lot, List<ServiceProcess> counting, String... bidders) {
        try (var deposits = EventPublisher.as("/deposit-service")) {
            for (String bidder : bidders) {
                deposits.publish(new DepositHeld("hold-" + bidder + "-" + lot, lot, Tokens.subject(bidder), 10_000,
                        Instant.now()));
            }
        }
        for (ServiceProcess replica : counting) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.of("olga"))
                    .get(replica.baseUri() + "/auctions/" + lot + "/holds").then().extract()
                    .<Integer>path("active") == bidders.length);
        }
    }

    /** Every process still running is killed, then the database dropped. */
    @Override
    public void close() {
        started.forEach(ServiceProcess::close);
        database.drop();
    }
}
