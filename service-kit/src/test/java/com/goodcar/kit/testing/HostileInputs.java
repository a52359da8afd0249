package com.goodcar.kit.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A hostile corpus, derived from the service's own OpenAPI document so that a new endpoint is
 * covered the day it exists: for every operation, every JSON body field gets values of the wrong
 * type (1.5 or "1100" for an integer, a number for a string, ...), strings get a NUL character and
 * instants far outside any sensible range; every path and query parameter gets a NUL (%00); paging
 * gets overflowing and deep values; a read of an unknown id must be a 404. Each must be refused with a 4xx problem+json whose detail names
 * no Java class, never a 2xx and never a 5xx. The request carries a token with the operation's
 * role, so the refusal is about the input.
 */
public final class HostileInputs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern JAVA_NAME = Pattern.compile("java\\.|com\\.goodcar|\\bLong\\b|\\bInteger\\b|\\bString\\b"
            + "|\\bInstant\\b|Exception|\\b[A-Z][a-z]+[A-Z][A-Za-z]*Request\\b|\\bNew[A-Z][a-z]+\\b");
    /** Users whose tokens cover every role: operator, buyer, dealer. */
    private static final List<String> USERS = List.of("olga", "alice", "dave");

    private final JsonNode document;
    private final Set<String> skipped;
    private Map<String, String> credentials = Map.of();

    private HostileInputs(JsonNode document, Set<String> skipped) {
        this.document = document;
        this.skipped = skipped;
    }

    /** Headers sent with every request besides the bearer token, e.g. a partner's API key. */
    public HostileInputs withHeaders(Map<String, String> headers) {
        this.credentials = Map.copyOf(headers);
        return this;
    }

    /** @param skipped "METHOD /path" operations whose body is not JSON (e.g. a signed callback) */
    public static HostileInputs fromOpenApi(Set<String> skipped) {
        String text = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        try {
            return new HostileInputs(JSON.readTree(text), skipped);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the OpenAPI document is not JSON", e);
        }
    }

    /** One dynamic test per operation and hostile value. */
    public Stream<DynamicTest> tests() {
        var tests = new ArrayList<DynamicTest>();
        var paths = document.path("paths").fields();
        while (paths.hasNext()) {
            var path = paths.next();
            var methods = path.getValue().fields();
            while (methods.hasNext()) {
                var method = methods.next();
                String verb = method.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(verb)) {
                    continue;
                }
                String name = verb + " " + path.getKey();
                if (skipped.contains(name)) {
                    continue;
                }
                tests.addAll(forOperation(name, verb, path.getKey(), method.getValue()));
            }
        }
        assertFalse(tests.isEmpty(), "the OpenAPI document lists no operation");
        tests.add(DynamicTest.dynamicTest("a URI over the limit: 414 problem", () -> assertHttpLayerProblem(
                given().urlEncodingEnabled(false).get("/q/health?x=" + "a".repeat(6_000)), 414)));
        tests.add(DynamicTest.dynamicTest("headers over the limit: 431 problem", () -> assertHttpLayerProblem(
                given().header("X-Padding", "b".repeat(20_000)).get("/q/health"), 431)));
        tests.add(DynamicTest.dynamicTest("a Host header that is no host: 400 problem", () -> {
            String answer = raw("GET /q/health HTTP/1.1\r\nHost: ZAP%n%s%n%s\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains("Host header"), answer);
        }));
        // What Netty's decoder cannot parse as HTTP never reaches a route, so it cannot get a problem
        // body (Quarkus 3.33 offers no invalid-request hook, and turning Netty's header validation off
        // would also drop its response-header CRLF protection). It must still be a plain 400 that
        // closes the connection, never a 5xx or a hang, and the server must go on serving.
        for (var malformed : Map.of(
                "a space in a header name", "GET /q/health HTTP/1.1\r\nHost: localhost\r\nX Bad: 1\r\n\r\n",
                "a NUL in a header value", "GET /q/health HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\u0000b\r\n\r\n",
                "a request line that is no HTTP", "\u0001\u0002garbage\r\n\r\n").entrySet()) {
            tests.add(DynamicTest.dynamicTest(malformed.getKey() + ": 400, connection closed, server serving", () -> {
                String answer = raw(malformed.getValue());
                assertTrue(answer.isEmpty() || answer.matches("(?s)HTTP/1\\.[01] 400 .*"), answer);
                given().get("/q/health/live").then().statusCode(200);
            }));
        }
        return tests.stream();
    }

    /** A request written byte by byte, as no HTTP client library would send it; the whole answer. */
    private static String raw(String request) throws java.io.IOException {
        try (var socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private List<DynamicTest> forOperation(String name, String verb, String template, JsonNode operation) {
        var tests = new ArrayList<DynamicTest>();
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        String path = template.replaceAll("\\{[^}]+}", "x1");
        boolean hasPathParam = template.contains("{");
        if (hasPathParam) {
            tests.add(test(name + ": NUL in a path parameter", verb, template.replaceAll("\\{[^}]+}", "x%00y"),
                    null, Set.of("nul-character")));
        }
        if (hasPathParam && "GET".equals(verb)) {
            // an unknown id is "not found", never a 200 with zeros or an empty shell
            tests.add(test(name + ": an unknown id", verb, template.replaceAll("\\{[^}]+}", "unknown-" + UUID.randomUUID()),
                    null, Set.of("not-found")));
        }
        for (JsonNode parameter : parameters) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String q = parameter.path("name").asText();
            tests.add(test(name + ": NUL in query " + q, verb, path + "?" + q + "=a%00b", null,
                    Set.of("nul-character")));
            String type = schema(parameter.path("schema")).path("type").asText();
            if ("integer".equals(type)) {
                tests.add(test(name + ": query " + q + " beyond a long", verb,
                        path + "?" + q + "=99999999999999999999999", null));
                tests.add(test(name + ": query " + q + " as a fraction", verb, path + "?" + q + "=1.5", null));
            }
        }
        boolean paged = parameters.stream().anyMatch(p -> "page".equals(p.path("name").asText()))
                && parameters.stream().anyMatch(p -> "size".equals(p.path("name").asText()));
        if (paged) {
            tests.add(test(name + ": page x size overflowing an int", verb, path + "?page=2147483647&size=100",
                    null));
            tests.add(test(name + ": an offset page too deep", verb, path + "?page=101&size=100", null,
                    Set.of("page-too-deep")));
        }
        JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (!body.isMissingNode()) {
            for (var hostile : hostileBodies(schema(body), 0)) {
                // refused while the body is read: a later layer (validation, the database) never sees it
                tests.add(test(name + ": body " + hostile.getKey(), verb, path, hostile.getValue(),
                        Set.of("wrong-type", "refused-value")));
            }
        }
        return tests;
    }

    private DynamicTest test(String name, String verb, String path, JsonNode body) {
        return test(name, verb, path, body, Set.of());
    }

    /** @param types the problem types (slugs) that prove the right layer refused it; empty: any 4xx problem */
    private DynamicTest test(String name, String verb, String path, JsonNode body, Set<String> types) {
        return DynamicTest.dynamicTest(name, () -> {
            Response response = null;
            for (String user : USERS) {
                response = send(verb, path, body, user);
                if (response.statusCode() != 403) {
                    break;
                }
            }
            int status = response.statusCode();
            String answer = response.asString();
            assertTrue(status >= 400 && status < 500, name + ": expected a 4xx, got " + status + ": " + answer);
            assertTrue(status != 401 && status != 403, name + ": no token was accepted, so the input was never judged");
            assertTrue(response.contentType().startsWith("application/problem+json"),
                    name + ": not a problem document: " + response.contentType() + " " + answer);
            String detail = response.path("detail");
            assertTrue(detail != null && !detail.isBlank(), name + ": no detail: " + answer);
            assertFalse(JAVA_NAME.matcher(detail).find(), name + ": the detail names Java internals: " + detail);
            assertEquals(status, (int) response.path("status"), name + ": status field");
            String type = response.path("type");
            assertTrue(types.isEmpty() || types.stream().anyMatch(t -> type.endsWith("/" + t)),
                    name + ": refused as " + type + ", expected one of " + types + ": " + answer);
        });
    }

    private static void assertHttpLayerProblem(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertFalse(response.<String>path("detail").isBlank());
    }

    private Response send(String verb, String path, JsonNode body, String user) {
        RequestSpecification request = given().urlEncodingEnabled(false).auth().oauth2(Tokens.of(user))
                .headers(credentials)
                .header("Idempotency-Key", "hostile-" + UUID.randomUUID())
                // as a browser or a client would: JSON first, but a page (the PSP's pay page) is acceptable too
                .accept("application/json, text/html;q=0.9, */*;q=0.5");
        if (body != null) {
            request = request.contentType("application/json").body(body.toString());
        }
        return request.request(verb, path);
    }

    /** Bodies with one field wrong each (nested objects and arrays one level down), and what is wrong. */
    private List<Map.Entry<String, JsonNode>> hostileBodies(JsonNode schema, int depth) {
        var bodies = new ArrayList<Map.Entry<String, JsonNode>>();
        if (!"object".equals(schema.path("type").asText()) && !schema.has("properties")) {
            return bodies;
        }
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            var property = properties.next();
            String field = property.getKey();
            JsonNode fieldSchema = schema(property.getValue());
            for (var bad : hostileValues(fieldSchema, depth)) {
                ObjectNode body = NODES.objectNode();
                body.set(field, bad.getValue());
                bodies.add(Map.entry(field + " " + bad.getKey(), body));
            }
        }
        return bodies;
    }

    private List<Map.Entry<String, JsonNode>> hostileValues(JsonNode schema, int depth) {
        var values = new ArrayList<Map.Entry<String, JsonNode>>();
        String type = schema.path("type").asText();
        switch (type) {
            case "integer" -> {
                values.add(Map.entry("= 1.5", NODES.numberNode(1.5)));
                values.add(Map.entry("= \"1100\"", NODES.textNode("1100")));
                values.add(Map.entry("= true", NODES.booleanNode(true)));
                values.add(Map.entry("= 1e30", NODES.numberNode(new java.math.BigDecimal("1e30"))));
            }
            case "number" -> values.add(Map.entry("= \"1.5\"", NODES.textNode("1.5")));
            case "boolean" -> {
                values.add(Map.entry("= 1", NODES.numberNode(1)));
                values.add(Map.entry("= \"true\"", NODES.textNode("true")));
            }
            case "string" -> {
                values.add(Map.entry("= 1100", NODES.numberNode(1100)));
                values.add(Map.entry("= false", NODES.booleanNode(false)));
                values.add(Map.entry("with NUL", NODES.textNode("a\u0000b")));
                if ("date-time".equals(schema.path("format").asText())) {
                    values.add(Map.entry("= year -1000000", NODES.textNode("-1000000-01-01T00:00:00Z")));
                    values.add(Map.entry("= year 275760", NODES.textNode("+275760-09-13T00:00:00Z")));
                    values.add(Map.entry("= epoch seconds", NODES.numberNode(1_700_000_000L)));
                }
            }
            case "array" -> {
                values.add(Map.entry("= \"[]\"", NODES.textNode("[]")));
                if (depth == 0) {
                    for (var inner : hostileBodies(schema(schema.path("items")), depth + 1)) {
                        values.add(Map.entry("[0]." + inner.getKey(), NODES.arrayNode().add(inner.getValue())));
                    }
                }
            }
            case "object" -> {
                values.add(Map.entry("= 7", NODES.numberNode(7)));
                if (depth == 0) {
                    for (var inner : hostileBodies(schema, depth + 1)) {
                        values.add(Map.entry("." + inner.getKey(), inner.getValue()));
                    }
                }
            }
            default -> { }
        }
        return values;
    }

    /** The schema itself, or the component it refers to. */
    private JsonNode schema(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 5 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asText();
            current = document.at(ref.substring(1));
        }
        if (current.has("allOf") && current.path("allOf").size() == 1) {
            return schema(current.path("allOf").get(0));
        }
        return current;
    }

}
