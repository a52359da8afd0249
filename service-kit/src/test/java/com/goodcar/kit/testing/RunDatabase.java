package com.goodcar.kit.testing;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** Creates and drops a per-run database, connecting as the service's own role. */
public record RunDatabase(String host, int port, String role, String password, String name) {

    public void create() {
        execute("create database " + name);
    }

    public void drop() {
        execute("drop database if exists " + name + " with (force)");
    }

    public Map<String, String> config() {
        return Map.of(
                "quarkus.datasource.username", role,
                "quarkus.datasource.password", password,
                "quarkus.datasource.reactive.url", "postgresql://" + host + ":" + port + "/" + name,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + name);
    }

    private void execute(String sql) {
        String admin = "jdbc:postgresql://" + host + ":" + port + "/" + role;
        try (var connection = DriverManager.getConnection(admin, role, password);
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " refused '" + sql + "' as role "
                    + role + ": " + e.getMessage() + ". Run ./platform test, which creates the roles and databases.", e);
        }
    }
}
