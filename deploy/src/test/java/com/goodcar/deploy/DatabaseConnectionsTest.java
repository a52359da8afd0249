package com.goodcar.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service scaled to its autoscaler's maximum still gets its connections: each pod opens its reactive
 * pool plus Flyway's JDBC connection, one extra pod surges during a rollout, and PostgreSQL's
 * max_connections holds every role's limit. Otherwise the database refuses the newest pods exactly
 * when the rush scaled them out.
 */
class DatabaseConnectionsTest {

    static final List<String> OVERLAYS = Overlay.ALL;
    private static final int JDBC_CONNECTIONS = 2;
    private static final int RESERVED = 10; // superuser, replication and the operator's own
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{([A-Z_0-9]+):(\\d+)}");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyRoleHoldsItsServiceAtFullScaleAndTheServerHoldsEveryRole(String name) {
        Overlay overlay = Overlay.of(name);
        JsonNode cluster = overlay.get("Cluster", "goodcar-pg").path("spec");
        Map<String, Integer> limitBySecret = new HashMap<>();
        int sum = 0;
        for (JsonNode role : cluster.path("managed").path("roles")) {
            int limit = role.path("connectionLimit").asInt(-1);
            if (limit < 0) {
                throw new AssertionError(name + ": role " + role.path("name").asText() + " has no connection limit");
            }
            limitBySecret.put(role.path("passwordSecret").path("name").asText(), limit);
            sum += limit;
        }
        List<String> wrong = new ArrayList<>();
        for (Deployment deployment : Workloads.deployments(overlay)) {
            String service = deployment.getMetadata().getName();
            ServiceModule module = ServiceModule.of(service);
            var poolProperty = module.property("quarkus.datasource.reactive.max-size");
            if (poolProperty.isEmpty()) {
                continue; // no database (web)
            }
            Matcher m = DEFAULTED.matcher(poolProperty.get());
            if (!m.matches()) {
                wrong.add(service + ": its pool size is not read from the environment");
                continue;
            }
            int pool = Integer.parseInt(Workloads.setting(overlay, deployment, m.group(1), m.group(2)));
            int pods = maximumPods(overlay, deployment) + 1;
            int needed = pods * (pool + JDBC_CONNECTIONS);
            String secret = databaseSecret(deployment);
            Integer limit = limitBySecret.get(secret);
            if (limit == null) {
                wrong.add(service + ": its database user (" + secret + ") is no role of the cluster");
            } else if (limit < needed) {
                wrong.add(service + ": " + pods + " pods x (" + pool + " + " + JDBC_CONNECTIONS + ") = " + needed
                        + " connections, its role allows " + limit);
            }
        }
        JsonNode keycloak = overlay.get("Keycloak", "goodcar-keycloak").path("spec");
        int keycloakNeeds = (keycloak.path("instances").asInt() + 1) * keycloak.path("db").path("poolMaxSize").asInt(100);
        if (limitBySecret.getOrDefault("keycloak-db", 0) < keycloakNeeds) {
            wrong.add("keycloak: needs " + keycloakNeeds + " connections, its role allows " + limitBySecret.get("keycloak-db"));
        }
        int max = cluster.path("postgresql").path("parameters").path("max_connections").asInt();
        if (max < sum + RESERVED) {
            wrong.add("max_connections " + max + " < the roles' " + sum + " + " + RESERVED + " reserved");
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static int maximumPods(Overlay overlay, Deployment deployment) {
        return overlay.find("HorizontalPodAutoscaler", deployment.getMetadata().getName())
                .map(hpa -> hpa.path("spec").path("maxReplicas").asInt())
                .orElse(deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas());
    }

    private static String databaseSecret(Deployment deployment) {
        return Workloads.container(deployment).getEnv().stream()
                .filter(v -> v.getName().endsWith("_DB_PASSWORD"))
                .map(EnvVar::getValueFrom)
                .filter(from -> from != null && from.getSecretKeyRef() != null)
                .map(from -> from.getSecretKeyRef().getName())
                .findFirst().orElse("?");
    }
}
