package com.goodcar.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Real people of the local realm with real tokens: buyers created in bulk through the admin API's
 * partial import, each logging in with the password grant of the local-only 'bench' client. The
 * local realm hashes a password once (deploy/keycloak/goodcar-realm.json), so thousands of logins
 * take seconds; the services verify these tokens exactly as any other.
 */
public final class Keycloak {

    /** Someone with a token that is renewed before it runs out. */
    public final class Person {
        public final String username;
        private final String clientId;
        private volatile String token;
        private volatile Instant expires = Instant.EPOCH;
        private volatile String userId;

        Person(String username, String clientId) {
            this.username = username;
            this.clientId = clientId;
        }

        public String token() {
            if (Instant.now().plusSeconds(60).isAfter(expires)) {
                synchronized (this) {
                    if (Instant.now().plusSeconds(60).isAfter(expires)) {
                        login();
                    }
                }
            }
            return token;
        }

        public String userId() {
            token();
            return userId;
        }

        private void login() {
            String form = "grant_type=password&client_id=" + clientId + "&username=" + encode(username)
                    + "&password=" + encode(username + "-pw");
            JsonNode answer = api.postForm(realmUrl + "/protocol/openid-connect/token", form).orThrow("login of " + username);
            token = answer.path("access_token").asText();
            JsonNode claims = claims(token);
            userId = claims.path("sub").asText();
            expires = Instant.ofEpochSecond(claims.path("exp").asLong());
        }
    }

    private final Api api;
    private final String baseUrl;
    private final String realmUrl;

    public Keycloak(Api api, String baseUrl) {
        this.api = api;
        this.baseUrl = baseUrl;
        this.realmUrl = baseUrl + "/realms/goodcar";
    }

    public Person person(String username) {
        return new Person(username, "bench");
    }

    /** A partner dealer logs in through the dealers' own client, which carries the outlet claim. */
    public Person dealer(String username) {
        return new Person(username, "web");
    }

    /** Buyers PREFIX-00001.. as Keycloak users (those that exist are kept), logged in, in parallel. */
    public List<Person> buyers(String prefix, int count, int parallelism, Consumer<String> progress) {
        int existing = countUsers(prefix);
        if (existing < count) {
            progress.accept("keycloak: creating buyers " + name(prefix, 1) + ".." + name(prefix, count)
                    + " (" + existing + " exist; 500 a call)");
            for (int from = 1; from <= count; from += 500) {
                createUsers(prefix, from, Math.min(count, from + 499));
            }
        }
        List<Person> people = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            people.add(person(name(prefix, i)));
        }
        Semaphore permits = new Semaphore(parallelism);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> logins = new ArrayList<>();
            for (Person p : people) {
                logins.add(executor.submit(() -> {
                    permits.acquireUninterruptibly();
                    try {
                        return p.token();
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<?> login : logins) {
                login.get();
            }
        } catch (Exception e) {
            throw new ReplayFailure("buyers could not log in: " + e.getMessage(), e);
        }
        return people;
    }

    static String name(String prefix, int i) {
        return String.format("%s-%05d", prefix, i);
    }

    private String adminToken() {
        return api.postForm(baseUrl + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=admin")
                .orThrow("Keycloak's admin login (admin/admin on the master realm)").path("access_token").asText();
    }

    private int countUsers(String prefix) {
        String admin = adminToken();
        return api.get(baseUrl + "/admin/realms/goodcar/users/count?search=" + encode(prefix + "-"), () -> admin)
                .orThrow("counting users").asInt();
    }

    private void createUsers(String prefix, int from, int to) {
        ObjectNode body = Api.JSON.createObjectNode().put("ifResourceExists", "SKIP");
        ArrayNode users = body.putArray("users");
        for (int i = from; i <= to; i++) {
            String name = name(prefix, i);
            ObjectNode user = users.addObject().put("username", name).put("enabled", true).put("emailVerified", true)
                    .put("firstName", "Replay").put("lastName", "Buyer " + i).put("email", name + "@replay.goodcar.example");
            user.putArray("realmRoles").add("buyer");
            user.putArray("credentials").addObject().put("type", "password").put("value", name + "-pw").put("temporary", false);
        }
        String admin = adminToken();
        api.post(baseUrl + "/admin/realms/goodcar/partialImport", () -> admin, body, null).orThrow("creating " + name(prefix, from) + "..");
    }

    static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return Api.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (Exception e) {
            throw new ReplayFailure("not a JWT from Keycloak: " + e.getMessage(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
