package com.goodcar.deposit;

import com.goodcar.kit.testing.RunDatabase;
import com.goodcar.kit.testing.ServiceProcess;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The packaged auction- and deposit-service as the crash and flow ITs run them: own databases and groups. */
public final class PackagedServices {

    private PackagedServices() {
    }

    /** auction-service's jar on its run database, its consumer group starting at the topics' end. */
    public static ServiceProcess auction(RunDatabase db, String group) {
        return new ServiceProcess(Path.of("../auction-service/target/quarkus-app/quarkus-run.jar"), Map.of(
                "AUCTION_DB_URL", db.config().get("quarkus.datasource.reactive.url"),
                "AUCTION_DB_JDBC_URL", db.config().get("quarkus.datasource.jdbc.url"),
                "AUCTION_INSTANCE_ID", group,
                "MP_MESSAGING_INCOMING_DEPOSIT_HOLDS_GROUP_ID", group,
                "MP_MESSAGING_INCOMING_DEPOSIT_HOLDS_AUTO_OFFSET_RESET", "latest"));
    }

    /** deposit-service's jar on its run database with {@code settings} on top (its payment provider...). */
    public static ServiceProcess deposit(RunDatabase db, String group, Map<String, String> settings) {
        var environment = new HashMap<>(Map.of(
                "DEPOSIT_DB_URL", db.config().get("quarkus.datasource.reactive.url"),
                "DEPOSIT_DB_JDBC_URL", db.config().get("quarkus.datasource.jdbc.url"),
                "MP_MESSAGING_INCOMING_AUCTION_LOTS_GROUP_ID", group,
                "MP_MESSAGING_INCOMING_ORDER_ORDERS_GROUP_ID", group,
                "MP_MESSAGING_INCOMING_AUCTION_LOTS_AUTO_OFFSET_RESET", "latest",
                "MP_MESSAGING_INCOMING_ORDER_ORDERS_AUTO_OFFSET_RESET", "latest"));
        environment.putAll(settings);
        return new ServiceProcess(Path.of("target/quarkus-app/quarkus-run.jar"), environment);
    }

    /** Stops those that were started (a failed start leaves some null). */
    public static void stop(ServiceProcess... processes) {
        for (ServiceProcess process : processes) {
            if (process != null) {
                process.close();
            }
        }
    }
}
