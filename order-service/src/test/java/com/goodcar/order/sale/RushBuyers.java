package com.goodcar.order.sale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.goodcar.kit.testing.StackAddresses;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * Many distinct buyers for a rush: Keycloak users {@code sale-rush-NNN} of the local realm (role
 * buyer, password = name + "-pw"), made once through the admin API, and a real access token of each
 * by password grant. The realm's three buyers are too few to show a per-buyer limit under a rush.
 */
final class RushBuyers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ConcurrentHashMap<Integer, String> TOKENS = new ConcurrentHashMap<>();

    private RushBuyers() {
    }

    /** Tokens of sale-rush-001..sale-rush-{count}; each token's subject is a distinct buyer. */
    static List<String> tokens(int count) {
        var missing = IntStream.rangeClosed(1, count).filter(i -> !TOKENS.containsKey(i)).boxed().toList();
        if (!missing.isEmpty()) {
            create(count);
            try (var pool = Executors.newFixedThreadPool(4)) {
                for (int i : missing) {
                    pool.submit(() -> TOKENS.put(i, token(name(i))));
                }
            }
        }
        var tokens = new ArrayList<String>(count);
        for (int i = 1; i <= count; i++) {
            String token = TOKENS.get(i);
            if (token == null) {
                throw new IllegalStateException("no token for " + name(i));
            }
            tokens.add(token);
        }
        return tokens;
    }

    static String subject(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("sub").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(int i) {
        return "sale-rush-%03d".formatted(i);
    }

    private static void create(int count) {
        String admin = post(keycloak() + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=admin", null)
                .path("access_token").asText();
        var users = JSON.createArrayNode();
        for (int i = 1; i <= count; i++) {
            var user = users.addObject().put("username", name(i)).put("enabled", true).put("emailVerified", true)
                    .put("firstName", "Rush").put("lastName", "Buyer").put("email", name(i) + "@test.goodcar.example");
            user.putArray("realmRoles").add("buyer");
            user.putArray("credentials").addObject().put("type", "password").put("value", name(i) + "-pw")
                    .put("temporary", false);
        }
        var body = JSON.createObjectNode().put("ifResourceExists", "SKIP");
        body.set("users", users);
        post(keycloak() + "/admin/realms/goodcar/partialImport", body.toString(), admin);
    }

    private static String token(String user) {
        return post(StackAddresses.realmUrl() + "/protocol/openid-connect/token", "grant_type=password&client_id=web"
                + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(user + "-pw", StandardCharsets.UTF_8), null).path("access_token").asText();
    }

    private static String keycloak() {
        String realm = StackAddresses.realmUrl();
        return realm.substring(0, realm.indexOf("/realms/"));
    }

    /** A form POST, or a JSON one with a bearer token. */
    private static JsonNode post(String url, String body, String bearer) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer == null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        } else {
            request.header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer);
        }
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(url + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
