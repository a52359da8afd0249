package com.goodcar.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductionRealmTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theImportIsTheLocalRealmRegenerated() throws IOException {
        String expected = ProductionRealm.render();
        Path regenerated = Overlay.REPO.resolve("deploy/target/realm-import.yaml");
        Files.createDirectories(regenerated.getParent());
        Files.writeString(regenerated, expected);
        assertEquals(expected, Files.readString(ProductionRealm.IMPORT),
                "deploy/k8s/base/keycloak/realm-import.yaml is stale: copy " + regenerated + " over it");
    }

    @Test
    void theProductionRealmHoldsNoneOfTheLocalOnlyParts() throws IOException {
        JsonNode realm = YAML.readTree(ProductionRealm.IMPORT.toFile()).path("spec").path("realm");
        JsonNode local = new ObjectMapper().readTree(ProductionRealm.LOCAL_REALM.toFile());
        List<String> wrong = new ArrayList<>();
        if (realm.has("users")) {
            wrong.add("it has users");
        }
        if (!realm.path("bruteForceProtected").asBoolean() || realm.path("failureFactor").asInt(99) > 10) {
            wrong.add("brute-force protection is off or lax");
        }
        if (!List.of("external", "all").contains(realm.path("sslRequired").asText())) {
            wrong.add("sslRequired is " + realm.path("sslRequired"));
        }
        // the local realm hashes a password once (the replay's thousands of buyers log in fast): never here
        if (realm.path("passwordPolicy").asText().contains("hashIterations")
                || realm.path("passwordPolicy").asText().contains("hashAlgorithm")) {
            wrong.add("the production password policy is not Keycloak's default hashing: " + realm.path("passwordPolicy"));
        }
        if (realm.path("accessTokenLifespan").asInt(Integer.MAX_VALUE) > 300) {
            wrong.add("access tokens live longer than 5 minutes");
        }
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            if (client.path("attributes").has(ProductionRealm.LOCAL_ONLY)) {
                wrong.add(id + " is a local-only client");
            }
            boolean audience = false;
            for (JsonNode mapper : client.path("protocolMappers")) {
                audience |= "goodcar-api".equals(mapper.path("config").path("included.custom.audience").asText());
            }
            if (!audience) {
                wrong.add(id + " issues tokens without the goodcar-api audience the services require");
            }
            if (client.path("directAccessGrantsEnabled").asBoolean(true)) {
                wrong.add(id + " allows the password grant");
            }
            if (client.path("publicClient").asBoolean()
                    && !"S256".equals(client.path("attributes").path("pkce.code.challenge.method").asText())) {
                wrong.add(id + " is public without PKCE S256");
            }
            if (client.has("secret") && !client.path("secret").asText().matches("\\$\\{[A-Z_]+}")) {
                wrong.add(id + " holds a secret value");
            }
            client.path("attributes").properties().forEach(a -> {
                if (a.getKey().contains("lifespan")) {
                    wrong.add(id + " overrides a token lifespan (" + a.getKey() + ")");
                }
            });
            for (JsonNode uri : client.path("redirectUris")) {
                if (uri.asText().matches("https?://(127\\.0\\.0\\.1|localhost).*")) {
                    wrong.add(id + " redirects to " + uri.asText());
                }
            }
        }
        String text = Files.readString(ProductionRealm.IMPORT);
        for (JsonNode user : local.path("users")) {
            for (JsonNode credential : user.path("credentials")) {
                if (text.contains(credential.path("value").asText())) {
                    wrong.add("the password of " + user.path("username").asText() + " is in it");
                }
            }
        }
        for (JsonNode client : local.path("clients")) {
            if (client.has("secret") && text.contains(client.path("secret").asText())) {
                wrong.add("the local secret of " + client.path("clientId").asText() + " is in it");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        // the local realm really has the parts the production one must not: otherwise this test proves nothing
        assertTrue(local.path("users").size() > 0 && text.contains("partner-dealer"), "the local realm changed shape");
    }

    @Test
    void everyPlaceholderComesFromASecretReference() throws IOException {
        JsonNode spec = YAML.readTree(ProductionRealm.IMPORT.toFile()).path("spec");
        List<String> wrong = new ArrayList<>();
        spec.path("realm").path("clients").forEach(client -> {
            String secret = client.path("secret").asText("");
            if (!secret.isEmpty()) {
                String name = secret.substring(2, secret.length() - 1);
                if (!spec.path("placeholders").path(name).path("secret").has("name")) {
                    wrong.add(client.path("clientId").asText() + ": placeholder " + name + " has no Secret reference");
                }
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(spec.path("placeholders").size() > 0, "no confidential client left: the check proves nothing");
    }
}
