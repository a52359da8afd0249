package com.goodcar.replay;

import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.PlatformSettings;
import com.goodcar.kit.testing.PspSandbox;
import com.goodcar.kit.testing.RunDatabase;
import com.goodcar.kit.testing.ServiceProcess;
import com.goodcar.kit.testing.StackAddresses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The packaged services a replay needs (auction, deposit, order, store network) and the PSP
 * sandbox, each on a database of this run and Kafka groups of this run, on the stack
 * {@code ./platform test} runs. A service can be SIGKILLed and started again on the same port,
 * with the same database and group, as a pod is replaced.
 */
final class ReplayStack implements AutoCloseable {

    static final Duration START = Duration.ofSeconds(120);

    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final List<RunDatabase> databases = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private PspSandbox sandbox;
    ServiceProcess auction;
    ServiceProcess deposit;
    ServiceProcess orders;
    ServiceProcess stores;
    ServiceProcess catalog;
    private boolean withCatalog;

    /** The catalog too (the attack suite reaches every service's endpoints; the replay itself needs none of it). */
    ReplayStack withCatalog() {
        withCatalog = true;
        return this;
    }

    String sandboxUrl() {
        return sandbox.url().replaceFirst("/psp-sandbox$", "");
    }

    ReplayStack start() {
        sandbox = PspSandbox.started(run);
        String group = "replay-it-" + run;
        var auctionSettings = new HashMap<>(PlatformSettings.auction(group));
        auctionSettings.put("AUCTION_LEASE", "PT3S"); // a killed owner's lots are free again soon
        auction = service("auction-service", "auction", "AUCTION", auctionSettings);
        deposit = service("deposit-service", "deposit", "DEPOSIT", PlatformSettings.deposit(group, sandbox.url()));
        orders = service("order-service", "orders", "ORDER", PlatformSettings.orders(group, sandbox.url()));
        // every group of this run owns an offset on every partition from the start: a service killed
        // before its first commit resumes where it was, not at the topic's end (what "latest" does)
        startAtTheEnds(group + "-auction", "deposit.holds");
        startAtTheEnds(group + "-deposit", "auction.lots", "order.orders");
        startAtTheEnds(group + "-orders", "auction.lots", "store.handovers");
        startAtTheEnds(group + "-stores", "order.orders");
        stores = service("store-network-service", "stores", "STORES", PlatformSettings.stores(group));
        if (withCatalog) {
            catalog = service("catalog-service", "catalog", "CATALOG", Map.of());
        }
        CompletableFuture.allOf(services.stream()
                .map(process -> CompletableFuture.runAsync(() -> process.start(START)))
                .toArray(CompletableFuture[]::new)).join();
        Duration wait = Duration.ofSeconds(60);
        ConsumerGroups.awaitAssigned(group + "-auction", "deposit.holds", wait);
        ConsumerGroups.awaitAssigned(group + "-deposit", "auction.lots", wait);
        ConsumerGroups.awaitAssigned(group + "-deposit", "order.orders", wait);
        ConsumerGroups.awaitAssigned(group + "-orders", "auction.lots", wait);
        ConsumerGroups.awaitAssigned(group + "-orders", "store.handovers", wait);
        ConsumerGroups.awaitAssigned(group + "-stores", "order.orders", wait);
        return this;
    }

    private static void startAtTheEnds(String group, String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, StackAddresses.kafkaBootstrap()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var description : admin.describeTopics(List.of(topics)).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
                description.partitions().forEach(p -> latest.put(new TopicPartition(description.name(), p.partition()),
                        OffsetSpec.latest()));
            }
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, ends).all().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set the offsets of " + group + ": " + e, e);
        }
    }

    Platform platform() {
        return new Platform("http://" + StackAddresses.HOST + ":" + StackAddresses.KEYCLOAK_PORT, List.of(auction.baseUri()),
                deposit.baseUri(), orders.baseUri(), stores.baseUri());
    }

    private ServiceProcess service(String module, String database, String prefix, Map<String, String> settings) {
        RunDatabase db = StackAddresses.runDatabase(database, database + "_replay_" + run);
        db.create();
        databases.add(db);
        var environment = new HashMap<>(settings);
        environment.put(prefix + "_DB_URL", db.config().get("quarkus.datasource.reactive.url"));
        environment.put(prefix + "_DB_JDBC_URL", db.config().get("quarkus.datasource.jdbc.url"));
        var process = new ServiceProcess(Path.of("../" + module + "/target/quarkus-app/quarkus-run.jar"), environment);
        services.add(process);
        return process;
    }

    @Override
    public void close() {
        services.forEach(ServiceProcess::close);
        if (sandbox != null) {
            sandbox.close();
        }
        databases.forEach(RunDatabase::drop);
    }
}
