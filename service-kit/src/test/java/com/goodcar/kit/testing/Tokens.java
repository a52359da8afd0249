package com.goodcar.kit.testing;

import static io.restassured.RestAssured.given;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real access tokens from the platform's Keycloak realm (password grant on the public web client).
 * Users and their roles are those of deploy/keycloak/goodcar-realm.json; the password is the user
 * name followed by "-pw".
 */
public final class Tokens {

    private static final Map<String, Fetched> CACHE = new ConcurrentHashMap<>();
    /** Tokens live 5 minutes; one kept longer than this is fetched again, so a long IT run never sends an expired one. */
    private static final java.time.Duration KEPT = java.time.Duration.ofMinutes(3);

    private record Fetched(String token, java.time.Instant at) {
    }

    private Tokens() {
    }

    /** A valid token for the user, fetched again once it is 3 minutes old (tokens live 5 minutes). */
    public static String of(String user) {
        return CACHE.compute(user, (u, kept) -> kept != null
                && kept.at().plus(KEPT).isAfter(java.time.Instant.now()) ? kept : new Fetched(fetch("web", u),
                java.time.Instant.now())).token();
    }

    /** A genuine token of a client whose tokens live 3 seconds: for expiry tests. */
    public static String shortLived(String user) {
        return fetch("token-expiry-probe", user);
    }

    /** A token whose payload was altered after signing: its signature no longer matches. */
    public static String forged(String user) {
        String[] parts = of(user).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String escalated = payload.replace("\"buyer\"", "\"operator\"").replace("\"dealer\"", "\"operator\"");
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(escalated.getBytes());
        return parts[0] + "." + altered + "." + parts[2];
    }

    /** The user's id as services see it: the token's {@code sub}. */
    public static String subject(String user) {
        String payload = new String(Base64.getUrlDecoder().decode(of(user).split("\\.")[1]));
        var matcher = java.util.regex.Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
        if (!matcher.find()) {
            throw new IllegalStateException("no sub claim in " + user + "'s token");
        }
        return matcher.group(1);
    }

    public static String issuer() {
        // outside a Quarkus test (a test driving a packaged service) the local platform's realm
        return ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .orElse(StackAddresses.realmUrl());
    }

    private static String fetch(String client, String user) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", client)
                .formParam("username", user)
                .formParam("password", user + "-pw")
                .post(issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
