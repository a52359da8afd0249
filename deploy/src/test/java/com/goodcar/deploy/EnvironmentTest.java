package com.goodcar.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each setting a service reads from its environment is given to it, none is made up, and no secret
 * value is in the manifests: a service's defaults are for a laptop, so a forgotten variable would
 * send a production pod to 127.0.0.1.
 */
class EnvironmentTest {

    static final List<String> OVERLAYS = Overlay.ALL;
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|MERCHANT_KEY|JAAS).*");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyVariableTheConfigurationReadsIsProvided(String name) {
        Overlay overlay = Overlay.of(name);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Deployment deployment : Workloads.deployments(overlay)) {
            String service = deployment.getMetadata().getName();
            Map<String, String> env = Workloads.environment(overlay, deployment);
            for (String variable : ServiceModule.of(service).environmentVariables()) {
                checked++;
                if (!env.containsKey(variable)) {
                    wrong.add(service + ": " + variable + " is read but not provided");
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(checked > 100, "only " + checked + " variables found: the reading of application.properties broke");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyVariableProvidedIsRead(String name) {
        Overlay overlay = Overlay.of(name);
        List<String> wrong = new ArrayList<>();
        for (Deployment deployment : Workloads.deployments(overlay)) {
            String service = deployment.getMetadata().getName();
            ServiceModule module = ServiceModule.of(service);
            var read = module.environmentVariables();
            boolean kafka = module.uses("quarkus-messaging-kafka");
            for (String variable : Workloads.environment(overlay, deployment).keySet()) {
                boolean known = read.contains(variable)
                        || variable.startsWith("QUARKUS_") // Quarkus maps these onto its own settings
                        || variable.equals("JAVA_OPTS_APPEND") // the image's run script
                        || variable.equals("POD_IP") // only to compose AUCTION_INSTANCE_URL
                        // Quarkus hands every kafka.* setting, KAFKA_* in the environment, to the Kafka clients
                        || (kafka && variable.startsWith("KAFKA_"));
                if (!known) {
                    wrong.add(service + ": " + variable + " is provided but nothing reads it");
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void secretsAreOnlyReferences(String name) {
        Overlay overlay = Overlay.of(name);
        List<String> wrong = new ArrayList<>();
        for (ObjectNode secret : overlay.ofKind("Secret")) {
            if (secret.has("data") || secret.has("stringData")) {
                wrong.add("Secret " + secret.path("metadata").path("name").asText() + " holds values");
            }
        }
        for (Deployment deployment : Workloads.deployments(overlay)) {
            String service = deployment.getMetadata().getName();
            for (EnvVar var : Workloads.container(deployment).getEnv()) {
                if (SECRET_NAME.matcher(var.getName()).matches() && var.getValue() != null) {
                    wrong.add(service + ": " + var.getName() + " has a value, not a secretKeyRef");
                }
            }
            Workloads.environment(overlay, deployment).forEach((variable, source) -> {
                if (SECRET_NAME.matcher(variable).matches() && !source.startsWith("secret ")) {
                    wrong.add(service + ": " + variable + " comes from " + source);
                }
            });
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
