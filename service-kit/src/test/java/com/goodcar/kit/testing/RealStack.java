package com.goodcar.kit.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a service's tests at real PostgreSQL, Kafka and Keycloak: the local processes that
 * {@code ./platform test} starts (there is no container engine to run them in). Each run gets its
 * own database, so runs never see each other's rows.
 *
 * <p>Init arg {@code database}: the service's database (and role) name, e.g. {@code catalog}.
 */
public class RealStack implements QuarkusTestResourceLifecycleManager {

    static final String RUN_ID = "t" + Long.toString(System.currentTimeMillis(), 36);

    private String database;
    private Stack stack;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "postgres");
    }

    @Override
    public Map<String, String> start() {
        stack = new LocalStack();
        var config = new HashMap<>(stack.start(database, database + "_" + RUN_ID));
        config.put("goodcar.test.run-id", RUN_ID);
        return config;
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.stop();
        }
    }

    /** One way of providing the infrastructure; returns the configuration that points at it. */
    interface Stack {
        Map<String, String> start(String database, String runDatabase);

        void stop();
    }
}
