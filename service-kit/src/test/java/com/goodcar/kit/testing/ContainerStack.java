package com.goodcar.kit.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The same infrastructure in containers, for machines that have a container engine. Versions match
 * the local platform: PostgreSQL 15, Kafka 4.1.1, Keycloak 26.4.5 with the project's realm.
 */
final class ContainerStack implements RealStack.Stack {

    private PostgreSQLContainer postgres;
    private KafkaContainer kafka;
    private GenericContainer<?> keycloak;

    @Override
    public Map<String, String> start(String database, String runDatabaseName) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("goodcar.test.infra=containers, but no container engine answers."
                    + " Run ./platform test without --containers to use local processes.");
        }
        postgres = new PostgreSQLContainer("postgres:15-alpine")
                .withDatabaseName(database).withUsername(database).withPassword(database);
        kafka = new KafkaContainer("apache/kafka:4.1.1");
        keycloak = new GenericContainer<>("quay.io/keycloak/keycloak:26.4.5")
                .withExposedPorts(8080)
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
                .withCopyFileToContainer(MountableFile.forHostPath(repoRoot().resolve("deploy/keycloak/goodcar-realm.json")),
                        "/opt/keycloak/data/import/goodcar-realm.json")
                .withCommand("start-dev", "--import-realm")
                .waitingFor(Wait.forHttp("/realms/goodcar").forPort(8080).withStartupTimeout(Duration.ofMinutes(3)));
        List.of(postgres, kafka, keycloak).parallelStream().forEach(GenericContainer::start);
        createDeclaredTopics(kafka.getBootstrapServers());

        var runDatabase = new RunDatabase(postgres.getHost(), postgres.getMappedPort(5432), database, database,
                runDatabaseName);
        runDatabase.create();
        var config = new HashMap<>(runDatabase.config());
        config.put("kafka.bootstrap.servers", kafka.getBootstrapServers());
        config.put("quarkus.oidc.auth-server-url",
                "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080) + "/realms/goodcar");
        return config;
    }

    @Override
    public void stop() {
        for (var container : new GenericContainer<?>[] {keycloak, kafka, postgres}) {
            if (container != null) {
                container.stop();
            }
        }
    }

    /** The module's kafka-topics.txt, as ./platform reads it: "topic partitions" per line. */
    private static void createDeclaredTopics(String bootstrap) {
        Path declared = Path.of("src/main/resources/kafka-topics.txt");
        if (!Files.exists(declared)) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> topics = Files.readAllLines(declared).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+"))
                    .map(f -> new NewTopic(f[0], Integer.parseInt(f[1]), (short) 1))
                    .toList();
            admin.createTopics(topics).all().get();
        } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot create the declared topics: " + e.getMessage(), e);
        }
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/keycloak/goodcar-realm.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find deploy/keycloak/goodcar-realm.json above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
