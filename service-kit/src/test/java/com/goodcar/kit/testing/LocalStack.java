package com.goodcar.kit.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;

/** The processes {@code ./platform} runs on this machine: PostgreSQL, Kafka and Keycloak on loopback. */
final class LocalStack implements RealStack.Stack {

    private static final String HOST = StackAddresses.HOST;
    private RunDatabase runDatabase;

    @Override
    public Map<String, String> start(String database, String runDatabaseName) {
        requireListening("PostgreSQL", StackAddresses.POSTGRES_PORT);
        requireListening("Kafka", StackAddresses.KAFKA_PORT);
        requireListening("Keycloak", StackAddresses.KEYCLOAK_PORT);
        runDatabase = StackAddresses.runDatabase(database, runDatabaseName);
        runDatabase.create();
        var config = new HashMap<>(runDatabase.config());
        config.put("kafka.bootstrap.servers", StackAddresses.kafkaBootstrap());
        config.put("quarkus.oidc.auth-server-url", StackAddresses.realmUrl());
        return config;
    }

    @Override
    public void stop() {
        if (runDatabase != null) {
            runDatabase.drop();
        }
    }

    private static void requireListening(String what, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1000);
        } catch (IOException e) {
            throw new IllegalStateException(what + " does not answer on " + HOST + ":" + port
                    + ". Run the tests with ./platform test: it starts the real infrastructure first.");
        }
    }
}
