package com.goodcar.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Deployments of an overlay as typed models, with the environment each container gets. */
final class Workloads {

    private Workloads() {
    }

    static List<Deployment> deployments(Overlay overlay) {
        return overlay.ofKind("Deployment").stream().map(d -> (Deployment) TypedModels.read(d)).toList();
    }

    static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    /** Variable → where it comes from: "value", "field", "secret name/key" or "configmap name". */
    static Map<String, String> environment(Overlay overlay, Deployment deployment) {
        Map<String, String> env = new LinkedHashMap<>();
        Container container = container(deployment);
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                String name = from.getConfigMapRef().getName();
                configMap(overlay, name).getData().keySet().forEach(k -> env.put(k, "configmap " + name));
            } else {
                env.put("*", "secret " + from.getSecretRef().getName());
            }
        }
        for (EnvVar var : container.getEnv()) {
            if (var.getValue() != null) {
                env.put(var.getName(), "value");
            } else if (var.getValueFrom().getSecretKeyRef() != null) {
                env.put(var.getName(), "secret " + var.getValueFrom().getSecretKeyRef().getName() + "/"
                        + var.getValueFrom().getSecretKeyRef().getKey());
            } else {
                env.put(var.getName(), "field");
            }
        }
        return env;
    }

    static ConfigMap configMap(Overlay overlay, String name) {
        return (ConfigMap) TypedModels.read(overlay.get("ConfigMap", name));
    }

    /** A setting as the container sees it: from its ConfigMaps or a literal value, else the module's default. */
    static String setting(Overlay overlay, Deployment deployment, String variable, String otherwise) {
        Container container = container(deployment);
        for (EnvVar var : container.getEnv()) {
            if (var.getName().equals(variable) && var.getValue() != null) {
                return var.getValue();
            }
        }
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                String value = configMap(overlay, from.getConfigMapRef().getName()).getData().get(variable);
                if (value != null) {
                    return value;
                }
            }
        }
        return otherwise;
    }
}
