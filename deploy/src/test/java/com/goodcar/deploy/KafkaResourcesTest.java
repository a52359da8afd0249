package com.goodcar.deploy;

import com.goodcar.contracts.Topics;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The topics of the contracts, the services' dead-letter topics, and each service's narrow KafkaUser. */
class KafkaResourcesTest {

    static final List<String> OVERLAYS = Overlay.ALL;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContractTopicAndEveryDeadLetterTopicIsAKafkaTopic(String name) throws Exception {
        Overlay overlay = Overlay.of(name);
        Map<String, KafkaTopic> topics = topics(overlay);
        Set<String> expected = new TreeSet<>();
        for (var field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                expected.add((String) field.get(null));
            }
        }
        for (String service : ServiceModule.ALL) {
            ServiceModule.of(service).properties().forEach((key, value) -> {
                if (key.matches("mp\\.messaging\\.incoming\\.[\\w-]+\\.dead-letter-queue\\.topic")) {
                    expected.add(value);
                }
            });
        }
        assertTrue(expected.size() > 8 && expected.stream().anyMatch(t -> t.endsWith(".dlq")), "found only " + expected);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(topics.keySet());
        assertTrue(missing.isEmpty(), name + ": no KafkaTopic for " + missing);
        List<String> wrong = new ArrayList<>();
        topics.forEach((topic, resource) -> {
            int replicas = resource.getSpec().getReplicas();
            Object minIsr = resource.getSpec().getConfig().get("min.insync.replicas");
            if (overlay.production() && (replicas != 3 || !"2".equals(String.valueOf(minIsr)))) {
                wrong.add(topic + ": replication " + replicas + ", min ISR " + minIsr + " (production wants 3 and 2)");
            }
            if (!topic.endsWith(".dlq") && resource.getSpec().getPartitions() < 3) {
                wrong.add(topic + ": " + resource.getSpec().getPartitions() + " partitions leave no room to scale consumers");
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceReadsWhatItConsumesAndWritesOnlyItsOwnTopics(String name) {
        Overlay overlay = Overlay.of(name);
        Map<String, KafkaUser> users = overlay.ofKind("KafkaUser").stream().map(d -> (KafkaUser) TypedModels.read(d))
                .collect(Collectors.toMap(u -> u.getMetadata().getName(), Function.identity()));
        List<String> wrong = new ArrayList<>();
        for (String service : ServiceModule.ALL) {
            ServiceModule module = ServiceModule.of(service);
            if (!module.uses("quarkus-messaging-kafka")) {
                assertTrue(!users.containsKey(service), service + " has a KafkaUser but no Kafka client");
                continue;
            }
            KafkaUser user = users.get(service);
            if (user == null || !(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple)) {
                wrong.add(service + ": no KafkaUser with simple authorization");
                continue;
            }
            Set<String> read = new TreeSet<>();
            Set<String> written = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (AclRule rule : simple.getAcls()) {
                if (rule.getResource() instanceof AclRuleTopicResource topic) {
                    if (topic.getName().contains("*") || !"literal".equalsIgnoreCase(String.valueOf(topic.getPatternType()))) {
                        wrong.add(service + ": ACL on a topic pattern " + topic.getName());
                    }
                    String operations = rule.getOperations().toString().toLowerCase(java.util.Locale.ROOT);
                    (operations.contains("write") ? written : read).add(topic.getName());
                } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                    groups.add(group.getName());
                } else {
                    wrong.add(service + ": ACL on " + rule.getResource());
                }
            }
            Set<String> consumes = new TreeSet<>();
            Set<String> consumerGroups = new TreeSet<>();
            Set<String> deadLetters = new TreeSet<>();
            module.properties().forEach((key, value) -> {
                if (key.matches("mp\\.messaging\\.incoming\\.[\\w-]+\\.topic")) {
                    consumes.add(value);
                } else if (key.matches("mp\\.messaging\\.incoming\\.[\\w-]+\\.group\\.id")) {
                    consumerGroups.add(value);
                } else if (key.matches("mp\\.messaging\\.incoming\\.[\\w-]+\\.dead-letter-queue\\.topic")) {
                    deadLetters.add(value);
                }
            });
            assertEquals(consumes, read, service + ": topics it may read");
            assertEquals(consumerGroups, groups, service + ": consumer groups");
            if (!written.containsAll(deadLetters)) {
                wrong.add(service + ": may not write its dead-letter topics " + deadLetters);
            }
            Set<String> foreign = new TreeSet<>(written);
            foreign.removeAll(deadLetters);
            foreign.removeIf(t -> t.startsWith(service.replace("-service", "").replace("store-network", "store") + "."));
            if (!foreign.isEmpty()) {
                wrong.add(service + ": may write another service's topics " + foreign);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static Map<String, KafkaTopic> topics(Overlay overlay) {
        return overlay.ofKind("KafkaTopic").stream().map(d -> (KafkaTopic) TypedModels.read(d))
                .collect(Collectors.toMap(t -> t.getMetadata().getName(), Function.identity()));
    }
}
