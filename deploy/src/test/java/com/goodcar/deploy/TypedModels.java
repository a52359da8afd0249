package com.goodcar.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a rendered document into the model its API defines: fabric8's for Kubernetes' own kinds, the
 * Gateway API and the Prometheus operator, Strimzi's for Strimzi's. A wrong type fails the reading; an
 * unknown field lands in a model's additional properties, which {@link #unknownFields} reports.
 */
final class TypedModels {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<String, Class<? extends KubernetesResource>> STRIMZI = Map.of(
            "Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class, "KafkaUser", KafkaUser.class);

    private TypedModels() {
    }

    /** The typed model, or an error naming the document; GenericKubernetesResource means no model knows it. */
    static KubernetesResource read(JsonNode document) {
        String group = document.path("apiVersion").asText();
        if (group.startsWith("kafka.strimzi.io/")) {
            Class<? extends KubernetesResource> type = STRIMZI.get(document.path("kind").asText());
            if (type == null) {
                throw new AssertionError("no Strimzi model for " + Overlay.describe(document));
            }
            return SERIALIZATION.convertValue(document, type);
        }
        return SERIALIZATION.unmarshal(document.toString());
    }

    static boolean untyped(KubernetesResource model) {
        return model instanceof GenericKubernetesResource;
    }

    /** Paths of every field no model declares, e.g. {@code spec.template.spec.containers[0].readinesProbe}. */
    static List<String> unknownFields(Object model) {
        List<String> found = new ArrayList<>();
        walk(model, "", found, new IdentityHashMap<>());
        return found;
    }

    private static void walk(Object value, String path, List<String> found, IdentityHashMap<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, found, seen));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            if (field.equals("additionalProperties") && child instanceof Map<?, ?> extra) {
                extra.keySet().forEach(k -> found.add(path.isEmpty() ? k.toString() : path.substring(1) + "." + k));
            } else {
                walk(child, path + "." + field, found, seen);
            }
        }
    }
}
