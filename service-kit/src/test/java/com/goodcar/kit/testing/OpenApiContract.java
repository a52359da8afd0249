package com.goodcar.kit.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The OpenAPI document of a running service as a contract a partner can generate a client from.
 * Fails listing every operation that lacks any of: a unique operationId; a security requirement
 * naming a declared scheme, or an explicit empty one ({@code security: []}) for an operation that is
 * deliberately public; for each refusal it can give, a problem response
 * ({@code application/problem+json}, the kit's {@code Problem} schema, an example): 400, 414, 431 and
 * 500 always, 404 where a path parameter names a resource, 413/415 where there is a body, 401/403
 * where it is secured, and every other 4xx/5xx it declares; a 2xx or 3xx answer; examples for the request body and every
 * 2xx body, and a schema for each JSON body. A new service inherits it with one small test.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private final JsonNode document;

    private OpenApiContract(JsonNode document) {
        this.document = document;
    }

    public static OpenApiContract fromOpenApi() {
        String text = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        try {
            return new OpenApiContract(JSON.readTree(text));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the OpenAPI document is not JSON", e);
        }
    }

    /** Fails with one line per operation and what it lacks. */
    public void assertComplete() {
        assertComplete(Set.of());
    }

    /**
     * As {@link #assertComplete()}, but tolerating the listed gaps ("METHOD /path: what it lacks"), a
     * debt that may only shrink: a listed gap that is closed fails too, so the list is kept exact.
     */
    public void assertComplete(Set<String> knownGaps) {
        var failures = new ArrayList<String>();
        var operationIds = new HashSet<String>();
        assertTrue(document.at("/components/schemas/Problem").isObject(), "no Problem schema in components");
        var paths = document.path("paths").fields();
        int operations = 0;
        while (paths.hasNext()) {
            var path = paths.next();
            var methods = path.getValue().fields();
            while (methods.hasNext()) {
                var method = methods.next();
                if (!VERBS.contains(method.getKey())) {
                    continue;
                }
                operations++;
                String name = method.getKey().toUpperCase() + " " + path.getKey();
                for (String lack : lacks(path.getKey(), method.getValue(), operationIds)) {
                    failures.add(name + ": " + lack);
                }
            }
        }
        assertTrue(operations > 0, "the OpenAPI document lists no operation");
        var closed = new java.util.TreeSet<>(knownGaps);
        failures.forEach(closed::remove);
        failures.removeAll(knownGaps);
        assertTrue(failures.isEmpty(), failures.size() + " gaps in the OpenAPI contract:\n  " + String.join("\n  ", failures));
        assertTrue(closed.isEmpty(), "known gaps now closed, remove them from the list:\n  " + String.join("\n  ", closed));
    }

    private List<String> lacks(String path, JsonNode operation, Set<String> operationIds) {
        var lacks = new ArrayList<String>();
        String operationId = operation.path("operationId").asText("");
        if (operationId.isBlank()) {
            lacks.add("no operationId");
        } else if (!operationIds.add(operationId)) {
            lacks.add("operationId " + operationId + " is not unique");
        }
        var expected = new LinkedHashSet<>(List.of("400", "414", "431", "500"));
        JsonNode security = operation.path("security");
        if (!security.isArray()) {
            lacks.add("no security requirement (a public operation says so: @PermitAll and an empty @SecurityRequirements)");
        } else if (!security.isEmpty()) {
            boolean secured = false;
            boolean roles = false;
            for (JsonNode requirement : security) {
                var schemes = requirement.fieldNames();
                while (schemes.hasNext()) {
                    String scheme = schemes.next();
                    secured = true;
                    roles |= "oidc".equals(scheme);
                    if (!document.at("/components/securitySchemes/" + scheme).isObject()) {
                        lacks.add("security scheme " + scheme + " is not declared in components");
                    }
                }
            }
            if (secured) {
                expected.add("401");
            }
            if (roles) {
                expected.add("403"); // only the platform's bearer tokens carry roles
            }
        }
        if (path.contains("{")) {
            expected.add("404");
        }
        JsonNode body = operation.path("requestBody");
        if (!body.isMissingNode()) {
            expected.addAll(List.of("413", "415"));
            lacks.addAll(bodyLacks("request body", body.path("content")));
        }
        JsonNode responses = operation.path("responses");
        var codes = responses.fieldNames();
        boolean succeeds = false;
        while (codes.hasNext()) {
            String code = codes.next();
            succeeds |= code.startsWith("2") || code.startsWith("3");
        }
        if (!succeeds) {
            lacks.add("no 2xx or 3xx response (an @APIResponse for a refusal hides the default 200: declare it too)");
        }
        for (String status : expected) {
            if (!responses.has(status)) {
                lacks.add("no " + status + " response");
            }
        }
        var statuses = responses.fields();
        while (statuses.hasNext()) {
            var response = statuses.next();
            String status = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (status.startsWith("2") && !content.isMissingNode()) {
                lacks.addAll(bodyLacks(status + " response", content));
            } else if (status.startsWith("4") || status.startsWith("5")) {
                JsonNode problem = content.path(PROBLEM);
                if (problem.isMissingNode()) {
                    lacks.add(status + " response is not " + PROBLEM);
                } else {
                    if (!PROBLEM_REF.equals(problem.path("schema").path("$ref").asText())) {
                        lacks.add(status + " response does not refer to the Problem schema");
                    }
                    if (!hasExample(problem)) {
                        lacks.add(status + " response has no example");
                    }
                }
            }
        }
        return lacks;
    }

    private List<String> bodyLacks(String what, JsonNode content) {
        var lacks = new ArrayList<String>();
        if (!content.fields().hasNext()) {
            lacks.add(what + " has no media type");
        }
        var media = content.fields();
        while (media.hasNext()) {
            var type = media.next();
            if (type.getKey().contains("json") && !type.getValue().has("schema")) {
                lacks.add(what + " (" + type.getKey() + ") has no schema");
            } else if (!hasExample(type.getValue())) {
                lacks.add(what + " (" + type.getKey() + ") has no example");
            }
        }
        return lacks;
    }

    /** An example on the media type, or on its schema (see {@link #exemplified}). */
    private boolean hasExample(JsonNode media) {
        return media.has("example") || !media.path("examples").isEmpty() || exemplified(media.path("schema"), 0);
    }

    /**
     * A schema with an example, or the component it refers to, an array whose items have one, or an
     * object each of whose properties has one (a generic page: its own fields and its items' type).
     */
    private boolean exemplified(JsonNode schema, int depth) {
        if (depth > 6 || schema.isMissingNode()) {
            return false;
        }
        if (schema.has("example") || !schema.path("examples").isEmpty()) {
            return true;
        }
        if (schema.has("$ref")) {
            return exemplified(document.at(schema.path("$ref").asText().substring(1)), depth + 1);
        }
        if (schema.has("items")) {
            return exemplified(schema.path("items"), depth + 1);
        }
        JsonNode properties = schema.path("properties");
        if (properties.isEmpty()) {
            return false;
        }
        var each = properties.elements();
        while (each.hasNext()) {
            if (!exemplified(each.next(), depth + 1)) {
                return false;
            }
        }
        return true;
    }
}
