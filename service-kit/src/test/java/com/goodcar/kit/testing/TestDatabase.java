package com.goodcar.kit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads and seeds the service's per-run database directly, for what the API does not expose. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** The single number a query answers, e.g. a count. */
    public static long number(String sql, Object... params) {
        List<String> rows = rows(sql, params);
        if (rows.isEmpty()) {
            throw new IllegalStateException("no row for " + sql);
        }
        return Long.parseLong(rows.getFirst());
    }

    /** The first column of every row, one line each: e.g. an EXPLAIN plan. */
    public static String text(String sql, Object... params) {
        return String.join("\n", rows(sql, params));
    }

    /** Runs a SQL script from the test classpath, e.g. a data set for a scale test. */
    public static void script(String resource) {
        try (InputStream in = TestDatabase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no script " + resource + " on the test classpath");
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            try (var connection = connect(); var statement = connection.createStatement()) {
                statement.execute(sql);
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }

    private static List<String> rows(String sql, Object... params) {
        try (var connection = connect(); var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            var lines = new ArrayList<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
            return lines;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
