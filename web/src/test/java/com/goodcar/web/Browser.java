package com.goodcar.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

/**
 * Debian's headless Chromium (the platform script installs it; a test tool's own browser download
 * does not work on these machines), driven by Playwright. Each person gets a context of their own
 * (their own cookies: their own Keycloak session).
 */
final class Browser implements AutoCloseable {

    static final Path SHOTS = Path.of("target/screenshots");
    static final String CHROMIUM = System.getProperty("goodcar.test.chromium", "/usr/bin/chromium");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final String webUrl;

    Browser(String webUrl) {
        this.webUrl = webUrl;
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            throw new IllegalStateException(CHROMIUM + " is missing: ./platform test installs Debian's chromium");
        }
        var environment = new HashMap<>(System.getenv());
        environment.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(environment));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(CHROMIUM))
                .setHeadless(true)
                // the closed network here: no background calls to Google's hosts, no QUIC
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    /** A person who has not logged in, reading English. */
    Page anonymous() {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 860).setLocale("en-US").setTimezoneId("Asia/Shanghai"));
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        // what the page itself complains about (a refused script, a CSP violation) goes to the test's log
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) || "warning".equals(message.type())) {
                System.out.println("[browser " + message.type() + "] " + message.text());
            }
        });
        page.navigate(webUrl + "/#/");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in"))).isVisible();
        return page;
    }

    /** {@code user} logged in through Keycloak's own login page (authorization code + PKCE). */
    Page as(String user) {
        Page page = anonymous();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.locator("#username").fill(user);
        page.locator("#password").fill(user + "-pw");
        page.locator("#kc-login").click();
        assertThat(page.getByTestId("who")).hasText(user);
        return page;
    }

    /**
     * The page at desktop and at phone size, under target/screenshots/, after checking that every
     * control on it has an accessible name.
     */
    static void shots(Page page, String name) {
        assertEquals(List.of(), page.evaluate("""
                () => [...document.querySelectorAll('button, a[href], input, select, textarea')]
                  .filter(e => e.offsetParent !== null)
                  .filter(e => !(e.getAttribute('aria-label') || e.textContent.trim()
                      || (e.labels && [...e.labels].some(l => l.textContent.trim())) || e.title))
                  .map(e => e.outerHTML.slice(0, 120))"""), name + ": controls without an accessible name");
        var desktop = page.viewportSize();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + "-desktop.png")).setFullPage(true));
        page.setViewportSize(390, 844);
        // laid out again for the phone (the chart resizes on the next frame), and nothing wider than it
        page.waitForFunction("() => document.documentElement.scrollWidth <= window.innerWidth");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + "-phone.png")).setFullPage(true));
        page.setViewportSize(desktop.width, desktop.height);
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
