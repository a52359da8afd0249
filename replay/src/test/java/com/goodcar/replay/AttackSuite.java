package com.goodcar.replay;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.goodcar.kit.testing.HostileInputs;
import com.goodcar.kit.testing.ServiceProcess;
import com.goodcar.kit.testing.Tokens;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.awaitility.Awaitility;

/**
 * Hostile and malformed requests against every public endpoint of every service, generated from
 * their OpenAPI documents (so a new endpoint is attacked without anyone adding it): the kit's
 * corpus (wrong types, NUL characters, overflowing and fractional numbers, absurd instants, deep
 * paging, unknown ids, oversized URIs and headers), then token attacks on every secured operation
 * (none, alg "none", signed by another key, another issuer, altered after signing, expired, issued
 * to another application of the realm), buyers on operator
 * and dealer operations, a dealer on another outlet, domain attacks (bids after the close,
 * negative and overflowing amounts, injection and unicode in ids, a huge body) and forged,
 * stale, altered and replayed PSP callbacks. Every one must be a 4xx problem+json and change
 * nothing: the state read before and after is the same.
 */
final class AttackSuite {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final String CALLBACK_SECRET = "sandbox-callback-secret-change-me";

    private final List<String> wrong = new ArrayList<>();
    private final Map<String, Integer> tried = new LinkedHashMap<>();
    private final Api api = new Api();
    private String expired;

    /** On a started stack with the catalog; fails with every wrong answer and every state that changed. */
    void run(ReplayStack stack) throws Exception {
        {
            Platform platform = stack.platform();
            Keycloak keycloak = new Keycloak(api, platform.keycloak());
            Keycloak.Person olga = keycloak.person("olga");
            Keycloak.Person alice = keycloak.person("alice");
            Keycloak.Person bob = keycloak.person("bob");
            String open = lot(platform, olga, Duration.ofHours(1));
            String closed = lot(platform, olga, Duration.ofSeconds(3));
            deposit(platform, alice, open, true);
            Platform.await(Duration.ofSeconds(30), "alice's deposit known to the auction", () -> api.get(platform.auction()
                    + "/auctions/" + open + "/holds", olga::token).body().path("active").asInt() == 1 ? true : null);
            String bobsPayment = deposit(platform, bob, open, false);
            api.post(platform.auction() + "/auctions/" + open + "/bids", alice::token, Map.of("maxFen", 50_000), "attack-setup-bid")
                    .orThrow("alice's bid");
            // a genuine callback for bob's deposit, delivered once now: sent again later, it is a replay
            long ts = Instant.now().getEpochSecond();
            String nonce = UUID.randomUUID().toString();
            String paid = paidNotice(bobsPayment);
            on(stack.deposit);
            assertEquals(200, deliver(CALLBACK_SECRET, ts, nonce, paid, null).statusCode());
            Platform.await(Duration.ofSeconds(30), "lot " + closed + " closed", () ->
                    api.get(platform.auction() + "/auctions/" + closed, null).body().path("status").asText().equals("OPEN") ? null : true);
            Platform.await(Duration.ofSeconds(30), "bob's deposit held", () -> api.get(platform.auction() + "/auctions/" + open
                    + "/holds", olga::token).body().path("active").asInt() == 2 ? true : null);

            Map<String, String> before = snapshot(platform, open, olga, alice);

            Map<String, ServiceProcess> services = new LinkedHashMap<>();
            services.put("catalog-service", stack.catalog);
            services.put("auction-service", stack.auction);
            services.put("deposit-service", stack.deposit);
            services.put("order-service", stack.orders);
            services.put("store-network-service", stack.stores);
            for (var service : services.entrySet()) {
                on(service.getValue());
                Set<String> skipped = service.getKey().equals("deposit-service") || service.getKey().equals("order-service")
                        ? Set.of("POST /payments/callbacks") : Set.of();
                corpus(service.getKey(), HostileInputs.fromOpenApi(skipped).tests().toList());
                tokenAttacks(service.getKey(), openApi());
            }
            on(URI.create(stack.sandboxUrl()).getPort());
            corpus("psp-sandbox", HostileInputs.fromOpenApi(Set.of())
                    .withHeaders(Map.of("X-Merchant-Key", "sandbox-merchant-key")).tests().toList());

            on(stack.stores);
            attack("roles", "erin (dealer of OUT-000456) reads OUT-000123", 403, as("erin").get("/outlets/OUT-000123"));
            attack("roles", "erin works OUT-000123's bookings", 403, as("erin").get("/outlets/OUT-000123/bookings"));
            attack("roles", "a buyer lists a site", 403, as("alice").body("{}").put("/sites/OUT-000999"));
            attack("roles", "a buyer on the dealer API", 403, as("alice").get("/outlets/OUT-000123/bookings"));
            attack("roles", "a buyer sets an outlet's capacity", 403, as("alice")
                    .body("{\"slotMinutes\":60,\"perSlot\":9}").put("/outlets/OUT-000123/capacity/VEHICLE_HANDOVER"));
            on(stack.auction);
            attack("roles", "a buyer schedules a lot", 403, as("alice").body("{}").post("/auctions"));
            attack("roles", "a dealer schedules a lot", 403, as("dave").body("{}").post("/auctions"));
            attack("domain", "a bid after the close", 410, as("alice").body("{\"maxFen\":90000000}").post("/auctions/" + closed + "/bids"));
            attack("domain", "a negative maximum", 0, as("alice").body("{\"maxFen\":-100}").post("/auctions/" + open + "/bids"));
            attack("domain", "a maximum beyond a long", 0, as("alice").body("{\"maxFen\":9223372036854775808}").post("/auctions/" + open + "/bids"));
            attack("domain", "a maximum of a fraction of a fen", 0, as("alice").body("{\"maxFen\":50000.5}").post("/auctions/" + open + "/bids"));
            attack("domain", "a maximum above the lot's highest price", 422, as("alice").body("{\"maxFen\":9223372036854775807}").post("/auctions/" + open + "/bids"));
            attack("domain", "SQL in a lot id", 404, as("alice").body("{\"maxFen\":60000}").post("/auctions/" + enc("x' OR '1'='1") + "/bids"));
            attack("domain", "a right-to-left override in a lot id", 404, as("alice").get("/auctions/" + enc("\u202Elot")));
            attack("domain", "an emoji sequence in a lot id", 404, as("alice").get("/auctions/" + enc("\uD83D\uDC69\u200D\uD83D\uDE97")));
            attack("domain", "a 2 MB body", 413, as("alice").body("{\"maxFen\":\"" + "9".repeat(2_000_000) + "\"}").post("/auctions/" + open + "/bids"));
            attack("domain", "JSON nested 100,000 deep", 0, as("alice").body("[".repeat(100_000)).post("/auctions/" + open + "/bids"));
            attack("domain", "a NoSQL operator as the maximum", 0, as("alice").body("{\"maxFen\":{\"$gt\":0}}").post("/auctions/" + open + "/bids"));
            on(stack.deposit);
            attack("domain", "a deposit for a lot that does not exist", 0, as("carol").body("{\"lotId\":\"" + UUID.randomUUID() + "\"}").post("/deposits"));
            attack("domain", "a deposit whose lot id is SQL", 0, as("carol").body("{\"lotId\":\"'; DROP TABLE deposit; --\"}").post("/deposits"));
            for (var service : List.of(stack.deposit, stack.orders)) {
                on(service);
                callbacks(service == stack.deposit ? "deposit-service" : "order-service", ts, nonce, paid);
            }

            Map<String, String> after = snapshot(platform, open, olga, alice);
            int total = tried.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("[attack] tried %d (%s), rejected correctly %d, wrong %d%n", total, tried,
                    total - wrong.size(), wrong.size());
            wrong.forEach(w -> System.out.println("[attack] WRONG " + w));
            before.forEach((what, state) -> {
                if (!state.equals(after.get(what))) {
                    wrong.add("state changed: " + what + "\n  before " + state + "\n  after  " + after.get(what));
                }
            });
            assertTrue(total >= 300, "only " + total + " attacks");
            assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        }
    }

    /** The kit's generated corpus, each test run here and counted. */
    private void corpus(String service, List<org.junit.jupiter.api.DynamicTest> tests) {
        for (var test : tests) {
            tried.merge("generated", 1, Integer::sum);
            try {
                test.getExecutable().execute();
            } catch (Throwable e) {
                wrong.add(service + ": " + test.getDisplayName() + ": " + e.getMessage());
            }
        }
    }

    /** Every secured operation of the document, with five tokens that must not pass. */
    private void tokenAttacks(String service, JsonNode document) throws Exception {
        String genuine = Tokens.of("olga");
        String[] parts = genuine.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        ObjectNode payload = (ObjectNode) Api.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        String none = URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "." + parts[1] + ".";
        String foreign = signWithAnotherKey(header, payload.toString());
        ObjectNode otherIssuer = payload.deepCopy().put("iss", "http://127.0.0.1:8180/realms/master");
        String wrongIssuer = signWithAnotherKey(header, otherIssuer.toString());
        // genuine, from this realm, but issued to another application: no goodcar-api audience
        String otherAudience = api.postForm(Platform.fromEnvironment(Map.of()).keycloak() + "/realms/goodcar/protocol/openid-connect/token",
                "grant_type=password&client_id=foreign-app&username=olga&password=olga-pw").orThrow("a foreign-app token")
                .path("access_token").asText();
        if (expired == null) {
            expired = Tokens.shortLived("olga");
            long exp = Keycloak.claims(expired).path("exp").asLong();
            Awaitility.await("a 3-second token to expire").atMost(Duration.ofSeconds(15))
                    .until(() -> Instant.now().getEpochSecond() > exp + 1);
        }
        String expiredToken = expired;
        Map<String, Supplier<RequestSpecification>> tokens = new LinkedHashMap<>();
        tokens.put("no token", () -> given());
        tokens.put("alg none", () -> given().auth().oauth2(none));
        tokens.put("signed by another key", () -> given().auth().oauth2(foreign));
        tokens.put("another issuer, another key", () -> given().auth().oauth2(wrongIssuer));
        tokens.put("altered after signing", () -> given().auth().oauth2(Tokens.forged("alice")));
        tokens.put("expired", () -> given().auth().oauth2(expiredToken));
        tokens.put("issued to another application", () -> given().auth().oauth2(otherAudience));
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                var op = ops.next();
                if (op.getValue().path("security").isEmpty() || path.getKey().startsWith("/bench")) {
                    continue;
                }
                String verb = op.getKey().toUpperCase();
                String concrete = path.getKey().replaceAll("\\{[^}]+}", "x1");
                for (var token : tokens.entrySet()) {
                    RequestSpecification request = token.getValue().get().contentType("application/json");
                    if (!verb.equals("GET") && !verb.equals("DELETE")) {
                        request = request.body("{}");
                    }
                    attack("tokens", service + " " + verb + " " + path.getKey() + " with " + token.getKey(), 401,
                            request.request(verb, concrete));
                }
            }
        }
    }

    private void callbacks(String service, long ts, String nonce, String paid) {
        long now = Instant.now().getEpochSecond();
        String unknown = paidNotice("pay-" + UUID.randomUUID());
        attack("psp", service + ": a replayed callback", 0, deliver(CALLBACK_SECRET, ts, nonce, paid, null));
        attack("psp", service + ": a forged signature", 0, deliver(CALLBACK_SECRET, now, UUID.randomUUID().toString(), paid,
                "00" + "ab".repeat(31)));
        attack("psp", service + ": signed with another secret", 0, deliver("not-the-secret", now, UUID.randomUUID().toString(),
                paid, null));
        String n = UUID.randomUUID().toString();
        attack("psp", service + ": the amount altered after signing", 0, deliver(CALLBACK_SECRET, now, n,
                paid.replace("10000", "1"), hmac(CALLBACK_SECRET, now, n, paid)));
        attack("psp", service + ": an hour-old timestamp", 0, deliver(CALLBACK_SECRET, now - 3_600, UUID.randomUUID().toString(),
                paid, null));
        attack("psp", service + ": no signature at all", 0, given().contentType("application/json").body(paid).post("/payments/callbacks"));
        attack("psp", service + ": a payment it never opened", 0, deliver(CALLBACK_SECRET, now, UUID.randomUUID().toString(),
                unknown, null));
    }

    /** The provider's signature: hex HMAC-SHA256 over timestamp, newline, nonce, newline, body. */
    private static String hmac(String secret, long timestamp, String nonce, String body) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response deliver(String secret, long timestamp, String nonce, String body, String signature) {
        return given().contentType("application/json").header("X-Psp-Timestamp", Long.toString(timestamp))
                .header("X-Psp-Nonce", nonce).header("X-Psp-Signature", signature != null ? signature : hmac(secret, timestamp, nonce, body))
                .body(body).post("/payments/callbacks");
    }

    private static String paidNotice(String payment) {
        return "{\"merchantPaymentId\":\"" + payment + "\",\"providerPaymentId\":\"psp-" + payment
                + "\",\"amountFen\":10000,\"state\":\"PAID\",\"paidAt\":\"" + Instant.now() + "\"}";
    }

    /** @param status the one expected, or 0 for any 4xx */
    private void attack(String kind, String name, int status, Response response) {
        tried.merge(kind, 1, Integer::sum);
        int got = response.statusCode();
        String type = response.contentType() == null ? "" : response.contentType();
        if (got < 400 || got >= 500 || status != 0 && got != status || !type.startsWith("application/problem+json")) {
            wrong.add(kind + ": " + name + ": " + got + " " + type + " " + abbreviate(response.asString()));
        }
    }

    private Map<String, String> snapshot(Platform p, String lot, Keycloak.Person olga, Keycloak.Person alice) {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("the lot", withoutClock(api.get(p.auction() + "/auctions/" + lot, null).body()));
        state.put("its bids", api.get(p.auction() + "/auctions/" + lot + "/bids", null).body().toString());
        state.put("its log", api.get(p.auction() + "/auctions/" + lot + "/log", olga::token).body().toString());
        state.put("its deposits", api.get(p.deposit() + "/deposits?lotId=" + lot, olga::token).body().toString());
        state.put("the ledger", api.get(p.deposit() + "/ledger/trial-balance", olga::token).body().toString());
        state.put("the refunds", api.get(p.deposit() + "/refunds", olga::token).body().toString());
        state.put("alice's orders", api.get(p.orders() + "/orders", alice::token).body().toString());
        state.put("OUT-000123", api.get(p.stores() + "/sites/OUT-000123", olga::token).body().toString());
        return state;
    }

    private static String withoutClock(JsonNode view) {
        return ((ObjectNode) view.deepCopy()).without("asOf").toString();
    }

    private JsonNode openApi() throws Exception {
        return Api.JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
    }

    private static RequestSpecification as(String user) {
        return given().urlEncodingEnabled(false).auth().oauth2(Tokens.of(user)).contentType("application/json")
                .header("Idempotency-Key", "attack-" + UUID.randomUUID());
    }

    private static void on(ServiceProcess service) {
        on(URI.create(service.baseUri()).getPort());
    }

    private static void on(int port) {
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = port;
    }

    private String lot(Platform p, Keycloak.Person olga, Duration open) {
        Instant now = Instant.now();
        return api.post(p.auction() + "/auctions", olga::token, Map.of("editionCode", "AION-UT-SUPER-NGC001",
                "title", "attack suite", "opensAt", now.minusSeconds(1).toString(), "endsAt", now.plus(open).toString(),
                "startPriceFen", 10_000, "depositFen", 10_000, "softCloseSeconds", 0), "attack-lot-" + UUID.randomUUID())
                .orThrow("a lot").path("id").asText();
    }

    /** A deposit opened (and paid at the sandbox, if asked); returns its payment id. */
    private String deposit(Platform p, Keycloak.Person buyer, String lot, boolean pay) {
        String key = "attack-deposit-" + UUID.randomUUID();
        JsonNode opened = Platform.await(Duration.ofSeconds(60), "deposit-service to know the lot", () -> {
            Api.Answer a = api.post(p.deposit() + "/deposits", buyer::token, Map.of("lotId", lot), key);
            return a.status() == 409 ? null : a.orThrow("a deposit");
        });
        if (pay) {
            api.post(opened.path("payment").path("payUrl").asText(), null, null, null).orThrow("paying");
            Platform.await(Duration.ofSeconds(60), "the deposit held", () -> api.get(p.deposit() + "/deposits/"
                    + opened.path("deposit").path("id").asText(), buyer::token).body().path("state").asText().equals("HELD") ? true : null);
        }
        return opened.path("payment").path("id").asText();
    }

    private static String signWithAnotherKey(String header, String payload) throws Exception {
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        var signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.generateKeyPair().getPrivate());
        String input = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        signer.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + URL.encodeToString(signer.sign());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
