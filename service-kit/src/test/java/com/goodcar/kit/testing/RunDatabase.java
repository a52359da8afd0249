package com.goodcar.kit.testing;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Creates and drops a per-run database, connecting as the service's own role. */
public record RunDatabase(String host, int port, String role, String password, String name) {

    /**
     * From the service's template database when the platform made one (ROLE_template: extensions a
     * service's role may not create itself, such as PostGIS), else from the default template.
     */
    public void create() {
        execute("create database " + name + (hasTemplate() ? " template " + role + "_template" : ""));
    }

    private boolean hasTemplate() {
        String admin = "jdbc:postgresql://" + host + ":" + port + "/" + role;
        try (var connection = DriverManager.getConnection(admin, role, password);
             var query = connection.prepareStatement("select count(*) from pg_database where datname = ? and datistemplate")) {
            query.setString(1, role + "_template");
            try (var rows = query.executeQuery()) {
                return rows.next() && rows.getLong(1) == 1;
            }
        } catch (SQLException e) {
            return false;
        }
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

    /** The single number a query answers on this database, e.g. a count (a data-changing CTE may seed first). */
    public long number(String sql, Object... params) {
        try (var connection = DriverManager.getConnection(config().get("quarkus.datasource.jdbc.url"), role, password);
             var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            try (var rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no row for " + sql);
                }
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of every row a query answers, as text: what a failing assertion names. */
    public List<String> texts(String sql, Object... params) {
        try (var connection = DriverManager.getConnection(config().get("quarkus.datasource.jdbc.url"), role, password);
             var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            try (var rows = query.executeQuery()) {
                var texts = new ArrayList<String>();
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
                return texts;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
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
