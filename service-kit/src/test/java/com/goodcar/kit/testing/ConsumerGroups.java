package com.goodcar.kit.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/**
 * For a service process started with {@code auto.offset.reset=latest} (so it does not replay a
 * shared topic's whole history): waits until its consumer group owns every partition of the topic,
 * from which moment no event published for the test can be missed.
 */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    private static final java.util.Set<String> READY = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * In a @QuarkusTest: waits, once per JVM, until the app's consumer of {@code channel} owns every
     * partition of its topic (its group and topic read from the app's configuration).
     */
    public static void awaitChannelAssigned(String channel) {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        String group = config.getValue("mp.messaging.incoming." + channel + ".group.id", String.class);
        String topic = config.getValue("mp.messaging.incoming." + channel + ".topic", String.class);
        if (!READY.contains(group + "/" + topic)) {
            awaitAssigned(group, topic, Duration.ofSeconds(60));
            READY.add(group + "/" + topic);
        }
    }

    public static void awaitAssigned(String groupId, String topic, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getOptionalValue("kafka.bootstrap.servers", String.class).orElse(StackAddresses.kafkaBootstrap())))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Awaitility.await("consumer group " + groupId + " assigned all of " + topic).atMost(timeout)
                    .pollInterval(Duration.ofMillis(250)).until(() -> {
                        var group = admin.describeConsumerGroups(List.of(groupId)).all().get(10, TimeUnit.SECONDS)
                                .get(groupId);
                        long owned = group.members().stream().map(MemberDescription::assignment)
                                .flatMap(a -> a.topicPartitions().stream())
                                .filter(p -> p.topic().equals(topic)).map(TopicPartition::partition)
                                .distinct().count();
                        return owned == partitions;
                    });
        } catch (Exception e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot describe consumer group " + groupId + ": " + e, e);
        }
    }
}
