package com.goodcar.catalog.vehicle;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.catalog.Operators;
import com.goodcar.contracts.EventCodec;
import com.goodcar.contracts.Topics;
import com.goodcar.contracts.catalog.PriceChanged;
import com.goodcar.contracts.catalog.VehicleListed;
import com.goodcar.kit.testing.RunDatabase;
import com.goodcar.kit.testing.ServiceProcess;
import com.goodcar.kit.testing.StackAddresses;
import com.goodcar.kit.testing.Tokens;
import com.goodcar.kit.testing.TopicProbe;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged catalog-service is killed with SIGKILL while operators change prices and list
 * editions, then started again. Every change committed before the kill — whether or not its event
 * had left — reaches catalog.editions with the event id it was committed with (at least once;
 * copies identical), nothing reaches it that was not committed, every acknowledged change is among
 * them, and each edition's price events chain from its list price to its price now, in order.
 *
 * <p>The first process relays its outbox every 2 s instead of every 0.1 s, and is killed only
 * while committed events wait in the table: so the kill always leaves some for the restart.
 */
class EditionEventsCrashIT {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final String MODEL = ("CRASH-" + RUN).toUpperCase();
    private static final int EDITIONS = 3;
    private static final long LIST_PRICE = 13_000_000L;
    private static RunDatabase database;
    private static Map<String, String> environment;

    private final EventCodec codec = new EventCodec();
    /** edition → new price, for every change answered 200; editions answered 201 */
    private final Map<String, Set<Long>> acknowledgedPrices = new ConcurrentHashMap<>();
    private final Set<String> acknowledgedListings = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unanswered = new AtomicInteger();

    @BeforeAll
    static void database() {
        database = StackAddresses.runDatabase("catalog", "catalog_crash_" + RUN);
        database.create();
        environment = Map.of(
                "CATALOG_DB_URL", database.config().get("quarkus.datasource.reactive.url"),
                "CATALOG_DB_JDBC_URL", database.config().get("quarkus.datasource.jdbc.url"));
    }

    @AfterAll
    static void drop() {
        database.drop();
    }

    @Test
    void everyCommittedChangeIsPublishedWithItsEventIdAfterASigkill() throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        var slowRelay = new HashMap<>(environment);
        slowRelay.put("KIT_OUTBOX_POLL_INTERVAL", "PT2S");
        try (var probe = TopicProbe.from(Topics.CATALOG_EDITIONS, StackAddresses.kafkaBootstrap())) {
            long pendingAtKill;
            try (var service = new ServiceProcess(jar, slowRelay).start(Duration.ofSeconds(90))) {
                String base = service.baseUri();
                as().body(Map.of("code", MODEL, "specification", Operators.specification("Model " + MODEL, 500)))
                        .post(base + "/models").then().statusCode(201);
                for (int e = 0; e < EDITIONS; e++) {
                    list(base, MODEL + "-E" + e);
                }
                var running = new AtomicBoolean(true);
                var nextPrice = new AtomicLong(LIST_PRICE);
                var nextEdition = new AtomicInteger(EDITIONS);
                ExecutorService operators = Executors.newFixedThreadPool(4);
                for (int c = 0; c < 4; c++) {
                    int client = c;
                    operators.submit(() -> {
                        int n = 0;
                        while (running.get()) {
                            try {
                                if (client == 0 && n++ % 4 == 0) {
                                    list(base, MODEL + "-N" + nextEdition.getAndIncrement());
                                } else {
                                    String edition = MODEL + "-E" + (n++ % EDITIONS);
                                    long price = nextPrice.addAndGet(100); // unique: each change is recognisable
                                    Response answer = as().body(Map.of("listPriceFen", price, "reason", "rush " + n))
                                            .put(base + "/editions/" + edition + "/price");
                                    if (answer.statusCode() == 200) {
                                        acknowledgedPrices.computeIfAbsent(edition, k -> ConcurrentHashMap.newKeySet())
                                                .add(price);
                                    }
                                }
                            } catch (RuntimeException cutOff) {
                                unanswered.incrementAndGet(); // the kill cut it off: its outcome is unknown
                            }
                        }
                    });
                }
                Awaitility.await("changes acknowledged while events wait in the outbox").atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> acknowledged() >= 60 && pending() > 0);
                service.kill();
                pendingAtKill = pending();
                running.set(false);
                operators.shutdown();
                assertTrue(operators.awaitTermination(30, TimeUnit.SECONDS));
            }
            assertTrue(pendingAtKill > 0, "the kill left committed events unpublished");
            Map<String, String> committed = outbox(); // event id → payload, in commit order

            try (var restarted = new ServiceProcess(jar, environment).start(Duration.ofSeconds(90))) {
                Awaitility.await("the restarted relay publishes what the kill left").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(200)).until(() -> pending() == 0);
                assertEquals(committed.keySet(), outbox().keySet(), "the restart committed nothing new by itself");

                var copies = new LinkedHashMap<String, List<String>>();
                Awaitility.await("every committed event on " + Topics.CATALOG_EDITIONS).atMost(Duration.ofSeconds(60))
                        .until(() -> {
                            copies.clear();
                            for (ConsumerRecord<String, String> r : probe.received(r -> r.key() != null && r.key().startsWith(MODEL + "-"))) {
                                copies.computeIfAbsent(codec.read(r.value()).id(), k -> new ArrayList<>()).add(r.value());
                            }
                            return copies.keySet().containsAll(committed.keySet());
                        });
                assertEquals(committed.keySet(), copies.keySet(), "nothing published that was not committed");
                copies.forEach((id, values) -> values.forEach(value ->
                        assertEquals(committed.get(id), value, "a copy of event " + id + " is the committed event")));

                // every acknowledged change is a committed event; each edition's prices chain in order
                var listed = new ArrayList<String>();
                var chains = new HashMap<String, List<PriceChanged>>();
                for (String id : copies.keySet()) { // first copies, in topic order (one partition per edition)
                    switch (codec.read(committed.get(id)).data()) {
                        case VehicleListed v -> listed.add(v.editionCode());
                        case PriceChanged p -> chains.computeIfAbsent(p.editionCode(), k -> new ArrayList<>()).add(p);
                        default -> { }
                    }
                }
                assertTrue(listed.containsAll(acknowledgedListings), "every acknowledged listing was published");
                for (var edition : acknowledgedPrices.entrySet()) {
                    var published = chains.getOrDefault(edition.getKey(), List.of()).stream()
                            .map(PriceChanged::newPriceFen).toList();
                    assertTrue(published.containsAll(edition.getValue()),
                            "every acknowledged price of " + edition.getKey() + " was published");
                }
                for (int e = 0; e < EDITIONS; e++) {
                    String edition = MODEL + "-E" + e;
                    long price = LIST_PRICE;
                    for (PriceChanged change : chains.getOrDefault(edition, List.of())) {
                        assertEquals(price, change.previousPriceFen(), edition + ": events in commit order, none missing");
                        price = change.newPriceFen();
                    }
                    long now = ((Number) given().get(restarted.baseUri() + "/editions/" + edition).then().statusCode(200)
                            .extract().path("listPriceFen")).longValue();
                    assertEquals(now, price, edition + ": its last event names its price now");
                }
                System.out.printf("crash: %d changes acknowledged, %d cut off, %d events committed, %d waiting at the"
                        + " kill, %d published twice%n", acknowledged(), unanswered.get(), committed.size(), pendingAtKill,
                        copies.values().stream().filter(v -> v.size() > 1).count());
            }
        }
    }

    private int acknowledged() {
        return acknowledgedListings.size() + acknowledgedPrices.values().stream().mapToInt(Set::size).sum();
    }

    private void list(String base, String edition) {
        int status = as().body(Map.of("code", edition, "name", "Edition " + edition, "description", "crash test",
                "listPriceFen", LIST_PRICE)).post(base + "/models/" + MODEL + "/editions").statusCode();
        if (status == 201) {
            acknowledgedListings.add(edition);
        }
    }

    private static io.restassured.specification.RequestSpecification as() {
        return given().auth().oauth2(Tokens.of("olga")).contentType(ContentType.JSON);
    }

    private static long pending() throws SQLException {
        try (var c = connect(); var q = c.createStatement();
             var rows = q.executeQuery("select count(*) from outbox_message where published_at is null")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Map<String, String> outbox() throws SQLException {
        var events = new LinkedHashMap<String, String>();
        try (var c = connect(); var q = c.createStatement();
             var rows = q.executeQuery("select event_id::text, payload from outbox_message where topic = '"
                     + Topics.CATALOG_EDITIONS + "' and message_key like '" + MODEL + "-%' order by position")) {
            while (rows.next()) {
                events.put(rows.getString(1), rows.getString(2));
            }
        }
        return events;
    }

    private static java.sql.Connection connect() throws SQLException {
        return DriverManager.getConnection(database.config().get("quarkus.datasource.jdbc.url"), "catalog", "catalog");
    }
}
