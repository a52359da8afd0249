package com.goodcar.web;

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

/**
 * Every packaged service of the platform on its own run database, Kafka groups of this run starting
 * at the topics' ends, the PSP sandbox, and the web app in front of them on 127.0.0.1:8089 (a port
 * the realm's web client may redirect to): what a browser meets after {@code ./platform up}.
 */
final class PackagedPlatform implements AutoCloseable {

    static final int WEB_PORT = 8089;
    private static final Duration START = Duration.ofSeconds(120);

    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final List<RunDatabase> databases = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private PspSandbox sandbox;
    private ServiceProcess web;
    private Map<String, String> webEnvironment;
    ServiceProcess catalog;
    ServiceProcess auction;
    ServiceProcess deposit;
    ServiceProcess orders;
    ServiceProcess stores;

    PackagedPlatform start() {
        sandbox = PspSandbox.started(run);
        String group = "web-it-" + run;
        catalog = service("catalog-service", "catalog", "CATALOG", Map.of());
        auction = service("auction-service", "auction", "AUCTION", PlatformSettings.auction(group));
        deposit = service("deposit-service", "deposit", "DEPOSIT", PlatformSettings.deposit(group, sandbox.url()));
        orders = service("order-service", "orders", "ORDER", PlatformSettings.orders(group, sandbox.url()));
        stores = service("store-network-service", "stores", "STORES", PlatformSettings.stores(group));
        // two cores: started together, they are ready in about the time of the slowest
        CompletableFuture.allOf(services.stream()
                .map(process -> CompletableFuture.runAsync(() -> process.start(START)))
                .toArray(CompletableFuture[]::new)).join();
        webEnvironment = Map.of(
                "WEB_API_CATALOG", catalog.baseUri(),
                "WEB_API_AUCTION", auction.baseUri(),
                "WEB_API_DEPOSIT", deposit.baseUri(),
                "WEB_API_ORDERS", orders.baseUri(),
                "WEB_API_STORES", stores.baseUri(),
                "WEB_OIDC_URL", "http://" + StackAddresses.HOST + ":" + StackAddresses.KEYCLOAK_PORT);
        startWeb();
        Duration wait = Duration.ofSeconds(60);
        ConsumerGroups.awaitAssigned(group + "-auction", "deposit.holds", wait);
        ConsumerGroups.awaitAssigned(group + "-deposit", "auction.lots", wait);
        ConsumerGroups.awaitAssigned(group + "-deposit", "order.orders", wait);
        ConsumerGroups.awaitAssigned(group + "-orders", "auction.lots", wait);
        ConsumerGroups.awaitAssigned(group + "-orders", "store.handovers", wait);
        ConsumerGroups.awaitAssigned(group + "-stores", "order.orders", wait);
        return this;
    }

    private ServiceProcess service(String module, String database, String prefix, Map<String, String> settings) {
        RunDatabase db = StackAddresses.runDatabase(database, database + "_web_" + run);
        db.create();
        databases.add(db);
        var environment = new HashMap<>(settings);
        environment.put(prefix + "_DB_URL", db.config().get("quarkus.datasource.reactive.url"));
        environment.put(prefix + "_DB_JDBC_URL", db.config().get("quarkus.datasource.jdbc.url"));
        var process = new ServiceProcess(Path.of("../" + module + "/target/quarkus-app/quarkus-run.jar"), environment);
        services.add(process);
        return process;
    }

    /** The web app on its fixed port (again, after {@link #stopWeb()}). */
    void startWeb() {
        web = new ServiceProcess(Path.of("target/quarkus-app/quarkus-run.jar"), webEnvironment, WEB_PORT).start(START);
    }

    /** SIGKILL of the web app: every open stream drops at once, as when a node or the network goes. */
    void stopWeb() {
        web.kill();
    }

    String webUrl() {
        return web.baseUri();
    }

    @Override
    public void close() {
        if (web != null) {
            web.close();
        }
        services.forEach(ServiceProcess::close);
        if (sandbox != null) {
            sandbox.close();
        }
        databases.forEach(RunDatabase::drop);
    }
}
