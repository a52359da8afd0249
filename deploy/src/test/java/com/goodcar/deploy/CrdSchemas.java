package com.goodcar.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operators' own CustomResourceDefinitions, vendored under deploy/k8s/crds (versions and sources in
 * its README), for the kinds no Java model covers. The API server prunes unknown fields silently; here
 * an object schema that lists its properties is closed, so a misspelt field fails instead.
 */
final class CrdSchemas {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, JsonSchema> BY_KIND = load();

    private CrdSchemas() {
    }

    static boolean covers(JsonNode document) {
        return BY_KIND.containsKey(key(document));
    }

    static List<String> violations(JsonNode document) {
        JsonSchema schema = Optional.ofNullable(BY_KIND.get(key(document)))
                .orElseThrow(() -> new AssertionError("no vendored CRD for " + key(document)));
        return schema.validate(document).stream().map(ValidationMessage::getMessage).toList();
    }

    private static String key(JsonNode document) {
        return document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    }

    private static Map<String, JsonSchema> load() {
        Map<String, JsonSchema> schemas = new HashMap<>();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        try (Stream<Path> files = Files.list(Overlay.REPO.resolve("deploy/k8s/crds"))) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml")).toList()) {
                JsonNode crd = YAML.readTree(file.toFile());
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                    close(schema);
                    schemas.put(group + "/" + version.path("name").asText() + "/" + kind, factory.getSchema(schema));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(schemas);
    }

    private static void close(JsonNode schema) {
        close(schema, true);
    }

    private static void close(JsonNode schema, boolean root) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        if (node.has("properties") && !node.has("additionalProperties")
                && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            node.put("additionalProperties", false);
        }
        if (root) {
            // every object has these, whether or not its CRD spells them out
            ObjectNode properties = node.with("properties");
            properties.putObject("apiVersion").put("type", "string");
            properties.putObject("kind").put("type", "string");
            properties.putObject("metadata").put("type", "object");
            node.put("additionalProperties", false);
        }
        // metadata is Kubernetes' ObjectMeta, which a CRD leaves open
        node.path("properties").properties().forEach(e -> {
            if (!(root && e.getKey().equals("metadata"))) {
                close(e.getValue(), false);
            }
        });
        close(node.path("items"), false);
        close(node.path("additionalProperties"), false);
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            node.path(combinator).forEach(child -> close(child, false));
        }
    }
}
