package com.goodcar.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The KeycloakRealmImport of deploy/k8s, made from the realm the local platform imports, so the two
 * never disagree on roles, clients or claim mappers. What only a laptop needs goes: the test users
 * and their passwords, clients marked {@code goodcar.local-only}, the password grant, local redirect
 * URIs, client secrets (placeholders filled from a Secret by the operator); sessions, token lifetimes
 * and brute-force protection are set for production.
 */
final class ProductionRealm {

    static final Path LOCAL_REALM = Overlay.REPO.resolve("deploy/keycloak/goodcar-realm.json");
    static final Path IMPORT = Overlay.REPO.resolve("deploy/k8s/base/keycloak/realm-import.yaml");
    static final String LOCAL_ONLY = "goodcar.local-only";
    static final String PUBLIC_ORIGIN = "https://www.goodcar.example";
    static final String CLIENT_SECRETS = "keycloak-client-secrets";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private ProductionRealm() {
    }

    static String render() {
        try {
            ObjectNode realm = (ObjectNode) JSON.readTree(LOCAL_REALM.toFile());
            ObjectNode placeholders = JSON.createObjectNode();
            realm.remove("users");
            realm.put("sslRequired", "external");
            realm.put("accessTokenLifespan", 300);
            realm.put("ssoSessionIdleTimeout", 1800);
            realm.put("ssoSessionMaxLifespan", 36000);
            realm.put("bruteForceProtected", true);
            realm.put("permanentLockout", false);
            realm.put("failureFactor", 5);
            realm.put("waitIncrementSeconds", 60);
            realm.put("maxFailureWaitSeconds", 900);
            realm.put("passwordPolicy", "length(12) and passwordHistory(3)");
            ArrayNode clients = JSON.createArrayNode();
            for (JsonNode client : realm.path("clients")) {
                if (!client.path("attributes").path(LOCAL_ONLY).asText().equals("true")) {
                    clients.add(forProduction((ObjectNode) client.deepCopy(), placeholders));
                }
            }
            realm.set("clients", clients);

            ObjectNode resource = YAML.createObjectNode();
            resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
            resource.put("kind", "KeycloakRealmImport");
            resource.putObject("metadata").put("name", "goodcar");
            ObjectNode spec = resource.putObject("spec");
            spec.put("keycloakCRName", "goodcar-keycloak");
            spec.set("placeholders", placeholders);
            spec.set("realm", realm);
            return "# GENERATED from deploy/keycloak/goodcar-realm.json by ProductionRealm (deploy module tests);\n"
                    + "# do not edit: change the local realm, run the tests, copy deploy/target/realm-import.yaml here.\n"
                    + YAML.writeValueAsString(resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode forProduction(ObjectNode client, ObjectNode placeholders) {
        String id = client.path("clientId").asText();
        client.put("directAccessGrantsEnabled", false);
        if (client.path("publicClient").asBoolean()) {
            client.with("attributes").put("pkce.code.challenge.method", "S256");
        }
        if (client.has("secret")) {
            String placeholder = "CLIENT_SECRET_" + id.toUpperCase(Locale.ROOT).replace('-', '_');
            client.put("secret", "${" + placeholder + "}");
            placeholders.putObject(placeholder).putObject("secret").put("name", CLIENT_SECRETS).put("key", id);
        }
        for (String field : new String[] {"redirectUris", "webOrigins"}) {
            if (client.has(field)) {
                client.set(field, production((ArrayNode) client.get(field), field.equals("redirectUris") ? "/*" : ""));
            }
        }
        return client;
    }

    /** Local origins become the public one (once); custom schemes such as the mobile app's stay. */
    private static ArrayNode production(ArrayNode uris, String suffix) {
        ArrayNode out = JSON.createArrayNode();
        boolean hadLocal = false;
        for (JsonNode uri : uris) {
            String value = uri.asText();
            if (value.startsWith("http://127.0.0.1") || value.startsWith("http://localhost")) {
                hadLocal = true;
            } else {
                out.add(value);
            }
        }
        if (hadLocal) {
            out.insert(0, PUBLIC_ORIGIN + suffix);
        }
        return out;
    }
}
