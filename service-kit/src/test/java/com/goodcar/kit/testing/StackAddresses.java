package com.goodcar.kit.testing;

/**
 * Where the local stack's processes listen: the one place tests take PostgreSQL, Kafka and
 * Keycloak addresses from (packaged-service ITs included), overridable with
 * {@code -Dgoodcar.test.host}, {@code -Dgoodcar.test.postgres-port}, {@code -Dgoodcar.test.kafka-port}
 * and {@code -Dgoodcar.test.keycloak-port}. Defaults: what {@code ./platform} runs.
 */
public final class StackAddresses {

    public static final String HOST = System.getProperty("goodcar.test.host", "127.0.0.1");
    public static final int POSTGRES_PORT = Integer.getInteger("goodcar.test.postgres-port", 5432);
    public static final int KAFKA_PORT = Integer.getInteger("goodcar.test.kafka-port", 9092);
    public static final int KEYCLOAK_PORT = Integer.getInteger("goodcar.test.keycloak-port", 8180);

    private StackAddresses() {
    }

    public static String kafkaBootstrap() {
        return HOST + ":" + KAFKA_PORT;
    }

    public static String realmUrl() {
        return "http://" + HOST + ":" + KEYCLOAK_PORT + "/realms/goodcar";
    }

    /** A database of its own for one run of a service (role and password = the service's name). */
    public static RunDatabase runDatabase(String service, String name) {
        return new RunDatabase(HOST, POSTGRES_PORT, service, service, name);
    }
}
