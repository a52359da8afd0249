package com.goodcar.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every document an overlay renders is read by its API's own model or its operator's schema. */
class TypedModelsTest {

    static final List<String> OVERLAYS = Overlay.ALL;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyDocumentHasAModelOrASchemaAndNoUnknownField(String name) {
        Overlay overlay = Overlay.of(name);
        List<String> wrong = new ArrayList<>();
        int typed = 0;
        int bySchema = 0;
        for (ObjectNode document : overlay.documents()) {
            String what = Overlay.describe(document);
            if (CrdSchemas.covers(document)) {
                bySchema++;
                CrdSchemas.violations(document).forEach(v -> wrong.add(what + ": " + v));
                continue;
            }
            try {
                KubernetesResource model = TypedModels.read(document);
                if (TypedModels.untyped(model)) {
                    wrong.add(what + " (" + document.path("apiVersion").asText() + "): neither a model nor a vendored CRD");
                    continue;
                }
                typed++;
                TypedModels.unknownFields(model).forEach(f -> wrong.add(what + ": unknown field " + f));
            } catch (RuntimeException e) {
                wrong.add(what + ": " + e.getMessage());
            }
        }
        assertTrue(wrong.isEmpty(), name + ":\n" + String.join("\n", wrong));
        System.out.printf("[deploy] %s: %d documents, %d read by typed models, %d validated against vendored CRDs%n",
                name, overlay.documents().size(), typed, bySchema);
    }

    @Test
    void theChecksCatchAMisspeltFieldAWrongTypeAndAnUnknownKind() throws Exception {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        ObjectNode misspelt = (ObjectNode) yaml.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers: [{name: x, image: x, readinesProbe: {httpGet: {path: /q/health/ready, port: 8080}}}]
                """);
        assertEquals(List.of("spec.template.spec.containers[0].readinesProbe"),
                TypedModels.unknownFields(TypedModels.read(misspelt)));
        ObjectNode wrongType = (ObjectNode) yaml.readTree("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: x}
                spec: {partitions: many}
                """);
        assertThrows(RuntimeException.class, () -> TypedModels.read(wrongType));
        ObjectNode cluster = (ObjectNode) yaml.readTree("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: x}
                spec: {instances: 3, storage: {size: 1Gi, sise: 2Gi}}
                """);
        assertFalse(CrdSchemas.violations(cluster).isEmpty(), "a misspelt CloudNativePG field passed");
        ObjectNode unknown = (ObjectNode) yaml.readTree("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: x}
                """);
        assertTrue(TypedModels.untyped(TypedModels.read(unknown)));
    }
}
