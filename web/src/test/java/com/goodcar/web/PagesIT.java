package com.goodcar.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.kit.testing.Tokens;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages in a real browser against the whole packaged platform: people log in at Keycloak, pay
 * at the PSP sandbox's page, and watch the live stream, as they would after {@code ./platform up}.
 * A second bidder and the operator's set-up act through the APIs, as other people's devices would.
 */
class PagesIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    /** dave's outlet in central Shanghai: the only site of this run's network. */
    private static final String OUTLET = "OUT-000123";
    private static PackagedPlatform platform;
    private static Browser browser;

    @BeforeAll
    static void start() {
        platform = new PackagedPlatform().start();
        browser = new Browser(platform.webUrl());
        as("olga").body(Map.of("id", OUTLET, "kind", "OUTLET", "name", "Good Car Xuhui partner outlet",
                        "city", "上海 Shanghai", "address", "No. 8 Caoxi North Road", "latitude", 31.2000,
                        "longitude", 121.4400,
                        "hours", Map.of("opens", "00:00", "closes", "24:00", "days", List.of("MONDAY", "TUESDAY",
                                "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")),
                        "services", List.of(
                                Map.of("capability", "VEHICLE_HANDOVER", "slotMinutes", 60, "perSlot", 2),
                                Map.of("capability", "MAINTENANCE", "slotMinutes", 60, "perSlot", 2))))
                .put(platform.stores.baseUri() + "/sites/" + OUTLET).then().statusCode(200);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBuyerPaysTheDepositOutbidsARivalLiveWinsPaysAndTheDealerHandsTheCarOver() {
        // a short lot whose soft close is nearly all of it: every bid moves the end
        String lot = as("olga").header("Idempotency-Key", "web-lot-" + UUID.randomUUID())
                .body(Map.of("editionCode", "AION-UT-SUPER-NGC001", "title", "National Good Car No. 001",
                        "opensAt", Instant.now().minusSeconds(1).toString(),
                        "endsAt", Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString(),
                        "startPriceFen", 100, "depositFen", 10_000, "softCloseSeconds", 55))
                .post(platform.auction.baseUri() + "/auctions").then().statusCode(201).extract().path("id");
        String bobsPayUrl = openDeposit("bob", lot); // also: deposit-service knows the lot now
        given().post(bobsPayUrl).then().statusCode(200);

        // alice finds the lot on the home page
        Page alice = browser.as("alice");
        alice.getByTestId("lots").locator("a[href='#/auctions/" + lot + "']").click();
        assertThat(alice.getByTestId("stream-state")).hasText("Live");
        assertThat(alice.getByTestId("lot-status")).hasText("Open");
        Browser.shots(alice, "auction-before-deposit");

        // pay the deposit at the PSP's page, in the tab the button opens
        Page cashier = alice.context().waitForPage(() -> alice.getByTestId("pay-deposit").click());
        cashier.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Pay ¥100\\.00"))).click();
        assertThat(cashier.locator(".done")).containsText("Paid at");
        cashier.close();
        assertThat(alice.getByTestId("deposit-state")).hasAttribute("data-state", "HELD");

        // the auction learns the hold from Kafka a moment later; until then the page says why it refuses
        alice.evaluate("() => window.sameDocument = true");
        String firstEnd = alice.getByTestId("ends-at").getAttribute("data-ends-at");
        placeUntilAccepted(alice, () -> alice.getByTestId("bid-next").click());
        assertThat(alice.getByTestId("leader")).containsText("(you)");
        assertThat(alice.getByTestId("extended")).isVisible();
        assertTrue(Instant.parse(alice.getByTestId("ends-at").getAttribute("data-ends-at")).isAfter(Instant.parse(firstEnd)),
                "a bid in the soft close moves the end");

        // bob outbids from his phone: alice's page shows it without a reload
        String bobsCode = bidUntilAccepted("bob", lot, 50_000).path("bidderCode");
        assertThat(alice.getByTestId("leader")).hasText(Pattern.compile(bobsCode + "\\s*"));
        assertThat(alice.getByTestId("history")).containsText(bobsCode);
        assertEquals(true, alice.evaluate("() => window.sameDocument === true"), "the page was not reloaded");
        Browser.shots(alice, "auction-outbid");

        // a maximum: the proxy outbids bob's 500 yuan at once
        alice.getByLabel("Your maximum (yuan)").fill("600");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set maximum")).click();
        assertThat(alice.getByTestId("leader")).containsText("(you)");

        // the stream drops (the web tier dies): the page says so, and catches up when it is back
        platform.stopWeb();
        assertThat(alice.getByTestId("stream-state")).hasText("Reconnecting…");
        Browser.shots(alice, "auction-reconnecting");
        bidUntilAccepted("bob", lot, 70_000);
        platform.startWeb();
        assertThat(alice.getByTestId("stream-state")).hasText("Live");
        assertThat(alice.getByTestId("leader")).hasText(Pattern.compile(bobsCode + "\\s*"));
        assertEquals(true, alice.evaluate("() => window.sameDocument === true"), "caught up without a reload");

        // 650 yuan is taken but loses at once to bob's 700-yuan maximum: the page says so
        alice.getByLabel("Your maximum (yuan)").fill("650");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set maximum")).click();
        assertThat(alice.getByTestId("placed")).containsText("another bidder’s maximum is higher");
        // and a refusal in words: a maximum below the next bid
        alice.getByLabel("Your maximum (yuan)").fill("5");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set maximum")).click();
        assertThat(alice.getByRole(AriaRole.ALERT)).containsText(Pattern.compile("Someone bid more|Bid at least"));
        alice.getByLabel("Your maximum (yuan)").fill("900");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set maximum")).click();
        assertThat(alice.getByTestId("leader")).containsText("(you)");

        // the close comes at the extended end: alice has won
        assertThat(alice.getByTestId("lot-status")).hasText("Sold", new com.microsoft.playwright.assertions
                .LocatorAssertions.HasTextOptions().setTimeout(WAIT.toMillis()));
        assertThat(alice.getByTestId("won")).isVisible();
        Browser.shots(alice, "auction-won");

        // her order: confirm, the address, pay the price less the deposit
        alice.navigate(platform.webUrl() + "/#/mine");
        Locator order = awaitOrderCard(alice, lot);
        order.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm order")).click();
        assertThat(order.getByTestId("order-state")).hasText("Awaiting payment");
        order.getByLabel("City").selectOption("0");
        order.getByLabel("Street and number").fill("No. 1 Middle Huaihai Road");
        order.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save address")).click();
        assertThat(order).containsText("No. 1 Middle Huaihai Road");
        long price = ((Number) given().get(platform.auction.baseUri() + "/auctions/" + lot).path("priceFen")).longValue();
        long due = price - 10_000; // the price less the 100-yuan deposit
        assertThat(order.getByTestId("pay-order")).containsText(String.format("¥%,d.%02d", due / 100, due % 100));
        Page payment = alice.context().waitForPage(() -> order.getByTestId("pay-order").click());
        payment.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                String.format("Pay ¥%d.%02d", due / 100, due % 100))).click();
        assertThat(payment.locator(".done")).containsText("Paid at");
        payment.close();
        refreshUntil(alice, order.getByTestId("handover"), "data-state", "SCHEDULED");
        assertThat(order.getByTestId("handover")).containsText("Good Car Xuhui partner outlet");
        Browser.shots(alice, "mine-paid");
        String orderId = order.getAttribute("data-testid").substring("order-".length());

        // the outlet's dealer hands the car over
        Page dave = browser.as("dave");
        dave.navigate(platform.webUrl() + "/#/dealer");
        Locator booking = dave.locator("[data-order='" + orderId + "']");
        assertThat(booking).isVisible();
        Browser.shots(dave, "dealer");
        booking.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Mark done"))).click();
        assertThat(booking).hasAttribute("data-state", "DONE");
        // and gives the outlet a third handover place per slot
        dave.getByLabel(Pattern.compile("^Places per slot: Vehicle handover")).fill("3");
        dave.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save: Vehicle handover")).click();
        assertThat(dave.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Saved"))).isVisible();
        assertEquals(3, ((List<Map<String, Object>>) as("olga").get(platform.stores.baseUri() + "/sites/" + OUTLET)
                .path("services")).stream().filter(s -> "VEHICLE_HANDOVER".equals(s.get("capability")))
                .mapToInt(s -> (Integer) s.get("perSlot")).findFirst().orElseThrow());

        // and alice sees it delivered
        refreshUntil(alice, order, "data-state", "DELIVERED");
        assertThat(order.getByTestId("order-state")).hasText("Delivered");
        Browser.shots(alice, "mine-delivered");
    }

    @Test
    void aFlashSaleCountsDownSellsItsLastCarAndThenSaysSoldOut() {
        String sale = as("olga").header("Idempotency-Key", "web-sale-" + UUID.randomUUID())
                .body(Map.of("editionCode", "AION-UT-SUPER-STD", "priceFen", 11_990_000, "units", 1,
                        "startsAt", Instant.now().plusSeconds(10).toString(), "perBuyerLimit", 1, "payWithin", "PT15M"))
                .post(platform.orders.baseUri() + "/sales").then().statusCode(201).extract().path("id");
        Page carol = browser.as("carol");
        carol.navigate(platform.webUrl() + "/#/sales/" + sale);
        assertThat(carol.getByTestId("countdown")).isVisible();
        assertThat(carol.getByTestId("buy")).isDisabled();
        Browser.shots(carol, "sale-countdown");
        assertThat(carol.getByTestId("buy")).isEnabled();
        carol.getByTestId("buy").click();
        assertThat(carol.getByTestId("sale-ordered")).isVisible();
        Browser.shots(carol, "sale-ordered");

        Page bob = browser.as("bob");
        bob.navigate(platform.webUrl() + "/#/sales/" + sale);
        assertThat(bob.getByTestId("sold-out")).isVisible();
        assertThat(bob.getByTestId("buy")).isDisabled();
        Browser.shots(bob, "sale-sold-out");

        // carol pays within the window
        carol.navigate(platform.webUrl() + "/#/mine");
        Locator order = carol.locator("li.order[data-state='AWAITING_PAYMENT']").first();
        assertThat(order).isVisible();
        order.getByLabel("City").selectOption("1");
        order.getByLabel("Street and number").fill("No. 1 Chang'an Avenue");
        order.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save address")).click();
        Page payment = carol.context().waitForPage(() -> order.getByTestId("pay-order").click());
        payment.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay ¥119900.00")).click();
        assertThat(payment.locator(".done")).containsText("Paid at");
        payment.close();
        refreshUntil(carol, carol.locator("li.order").first(), "data-state", "PAID");
    }

    @Test
    void theCatalogTheOutletFinderTheOperatorAndBothLanguages() {
        Page visitor = browser.anonymous();
        assertThat(visitor.locator(".brand")).hasText("Good Car");
        assertThat(visitor.locator("[data-testid=lots], [data-testid=lots-empty]")).isVisible();
        Browser.shots(visitor, "home-en");
        visitor.getByLabel("Language").selectOption("zh");
        assertThat(visitor.locator(".brand")).hasText("好车");
        assertThat(visitor.locator("h1")).hasText("像买手机一样买车");
        Browser.shots(visitor, "home-zh");

        Page alice = browser.as("alice");
        // a reload finds the Keycloak session again in the hidden frame: still alice, no login page
        alice.reload();
        assertThat(alice.getByTestId("who")).hasText("alice");
        alice.navigate(platform.webUrl() + "/#/catalog");
        assertThat(alice.locator("h1")).hasText("GAC Aion Aion UT super");
        String idea = "Rear seat that folds flat " + UUID.randomUUID().toString().substring(0, 6);
        alice.getByLabel("Title").fill(idea);
        alice.locator("textarea").fill("Room for a bicycle without taking the wheels off.");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suggest")).click();
        Locator mine = alice.getByTestId("ranking").locator("li", new Locator.LocatorOptions().setHasText(idea));
        assertThat(mine).isVisible();
        mine.getByRole(AriaRole.BUTTON).click();
        assertThat(mine).containsText("1 votes");
        Browser.shots(alice, "catalog");

        alice.navigate(platform.webUrl() + "/#/outlets");
        alice.getByLabel("Service").selectOption("MAINTENANCE");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        Locator site = alice.getByTestId("sites").locator("li").first();
        assertThat(site).containsText("Good Car Xuhui partner outlet");
        site.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Free slots"))).click();
        site.locator(".slots button").first().click();
        assertThat(site.getByRole(AriaRole.STATUS)).containsText("Booked");
        Browser.shots(alice, "outlets");

        Page olga = browser.as("olga");
        olga.navigate(platform.webUrl() + "/#/operator");
        assertThat(olga.getByTestId("ledger")).hasAttribute("data-balanced", "true");
        Locator schedule = olga.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Schedule an auction"));
        schedule.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Schedule")).click();
        assertThat(schedule.getByRole(AriaRole.STATUS)).containsText("Scheduled");
        Browser.shots(olga, "operator");
    }

    /** Clicks (again after each refusal, e.g. the hold not yet known) until the bid's receipt shows. */
    private static void placeUntilAccepted(Page page, Runnable click) {
        Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            click.run();
            page.locator("[data-testid=placed], .bid [role=alert]").first().waitFor();
            return page.getByTestId("placed").isVisible() || page.getByTestId("leader").textContent().contains("(you)");
        });
    }

    private static Locator awaitOrderCard(Page page, String lot) {
        Locator card = page.locator("li.order:has(a[data-lot='" + lot + "'])");
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofSeconds(2)).until(() -> {
            if (card.count() > 0) {
                return true;
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refresh Orders")).click();
            return false;
        });
        return card;
    }

    private static void refreshUntil(Page page, Locator element, String attribute, String value) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofSeconds(2)).until(() -> {
            if (element.count() > 0 && value.equals(element.getAttribute(attribute))) {
                return true;
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refresh Orders")).click();
            return false;
        });
    }

    private static String openDeposit(String buyer, String lot) {
        String key = "web-" + buyer + "-" + UUID.randomUUID();
        var payUrl = new String[1];
        // the lot reaches deposit-service as auction.scheduled.v1, a moment after it was created
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response response = as(buyer).header("Idempotency-Key", key).body(Map.of("lotId", lot))
                    .post(platform.deposit.baseUri() + "/deposits");
            payUrl[0] = response.statusCode() == 201 ? response.path("payment.payUrl") : null;
            return payUrl[0] != null;
        });
        return payUrl[0];
    }

    private static Response bidUntilAccepted(String buyer, String lot, long maxFen) {
        var accepted = new Response[1];
        Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Response response = as(buyer).header("Idempotency-Key", "web-bid-" + UUID.randomUUID())
                    .body(Map.of("maxFen", maxFen)).post(platform.auction.baseUri() + "/auctions/" + lot + "/bids");
            accepted[0] = response.statusCode() == 201 ? response : null;
            return accepted[0] != null;
        });
        return accepted[0];
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }
}
