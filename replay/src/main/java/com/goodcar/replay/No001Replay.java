package com.goodcar.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./platform replay no001 [--speed 60] [--buyers 2000] [--watchers 1000] [--bidders 32]}:
 * the seed auction end to end against the running platform, then the end checks and the report.
 * Exit 0 when every check holds, 1 when one does not, 2 for a wrong argument.
 */
public final class No001Replay {

    private static final long STARTED = System.nanoTime();

    /** How big and how fast; {@code out} is where the report goes. */
    public record Options(int speed, int buyers, int watchers, int bidders, int depositParallelism, int scale, Path out,
                          Duration setup) {
        /** {@code setup}: how long after its creation the lot opens (null: estimated from the buyers). */
        public Options(int speed, int buyers, int watchers, int bidders, int depositParallelism, int scale, Path out) {
            this(speed, buyers, watchers, bidders, depositParallelism, scale, out, null);
        }
    }

    /** Told when the replay enters a phase ("deposits", "bidding", "closed", "settled"): where a fault drill hooks in. */
    public interface Phases {
        void entered(String phase, String lotId);
    }

    /** The end checks and where the report is. */
    public record Result(List<EndChecks.Check> checks, Path report) {
        public boolean ok() {
            return checks.stream().allMatch(EndChecks.Check::ok);
        }
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        int speed = 0;
        int buyerCount = 0, watcherCount = -1, bidders = 0, depositParallelism = 0, scale = 0;
        try {
            speed = Integer.parseInt(options.getOrDefault("speed", "60"));
            buyerCount = Integer.parseInt(options.getOrDefault("buyers", "2000"));
            watcherCount = Integer.parseInt(options.getOrDefault("watchers", "1000"));
            bidders = Integer.parseInt(options.getOrDefault("bidders", "32"));
            depositParallelism = Integer.parseInt(options.getOrDefault("deposit-parallelism", "16"));
            scale = Integer.parseInt(options.getOrDefault("scale", "1"));
        } catch (NumberFormatException e) {
            usage("not a number: " + e.getMessage());
        }
        Path out = Path.of(options.getOrDefault("out", "target/replay"));
        if (speed < 1 || speed > 3600 || buyerCount < 2 || buyerCount > 99_999 || watcherCount < 0 || bidders < 1
                || depositParallelism < 1 || scale < 1 || scale > 1_000) {
            usage("--speed 1..3600, --buyers 2..99999, --watchers >= 0, --bidders >= 1, --deposit-parallelism >= 1, --scale 1..1000");
        }
        try {
            Result result = run(new Options(speed, buyerCount, watcherCount, bidders, depositParallelism, scale, out),
                    Platform.fromEnvironment(System.getenv()), (phase, lot) -> { });
            System.exit(result.ok() ? 0 : 1);
        } catch (ReplayFailure e) {
            say("FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    public static Result run(Options options, Platform platform, Phases phases) {
        int speed = options.speed();
        int buyerCount = options.buyers();
        int watcherCount = options.watchers();
        int bidders = options.bidders();
        int depositParallelism = options.depositParallelism();
        Path out = options.out();
        String runId = "r" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"));
        SeedCurve curve = SeedCurve.NO_001.scaled(options.scale());
        LotPlan plan = LotPlan.no001(speed);
        Api api = new Api();
        Measurements m = new Measurements();
        Keycloak keycloak = new Keycloak(api, platform.keycloak());
        Duration bidding = plan.bidding(curve);
        say(String.format("run %s: the No. 001 auction at %d× (%d min %02d s of bidding), %d buyers, %d watchers, %d bidding at once",
                runId, speed, bidding.toMinutes(), bidding.toSecondsPart(), buyerCount, watcherCount, bidders));

        long t0 = System.nanoTime();
        Keycloak.Person operator = keycloak.person("olga");
        Keycloak.Person dealer = keycloak.dealer("dave");
        operator.token();
        dealer.token();
        List<Keycloak.Person> buyers = keycloak.buyers("replay", buyerCount, 16, No001Replay::say);
        say(String.format("keycloak: %d buyers logged in (%.1f s)", buyerCount, (System.nanoTime() - t0) / 1e9));

        // the lot opens once the deposits are likely paid; the bidding starts at its opening
        Duration setup = options.setup() != null ? options.setup()
                : Duration.ofSeconds(20).plusMillis(buyerCount * 40L / Math.max(1, depositParallelism / 16));
        Instant opensAt = Instant.now().plus(setup).truncatedTo(ChronoUnit.SECONDS);
        // time for the last bids one at a time, and to ride out a restart near the end
        Instant endsAt = opensAt.plus(bidding).plus(plan.softClose()).plusSeconds(30);
        Map<String, Object> lot = new LinkedHashMap<>();
        lot.put("editionCode", "AION-UT-SUPER-NGC001");
        lot.put("title", "National Good Car No. 001 (replay " + runId + ")");
        lot.put("opensAt", opensAt.toString());
        lot.put("endsAt", endsAt.toString());
        lot.put("startPriceFen", plan.startPriceFen());
        lot.put("depositFen", plan.depositFen());
        lot.put("softCloseSeconds", plan.softClose().toSeconds());
        lot.put("ladder", plan.ladder());
        lot.put("maxRaiseFen", plan.maxRaiseFen());
        JsonNode created = api.post(platform.auction() + "/auctions", operator::token, lot, "replay-lot-" + runId)
                .orThrow("creating the lot");
        String lotId = created.path("id").asText();
        say("lot " + lotId + ": opens " + opensAt + ", ends " + endsAt + " (soft close " + plan.softClose().toSeconds() + " s)");

        phases.entered("deposits", lotId);
        long t1 = System.nanoTime();
        List<String> deposits = new Deposits(api, platform, m, No001Replay::say).payAll(lotId, buyers, depositParallelism);
        double depositSeconds = (System.nanoTime() - t1) / 1e9;
        Platform.await(Duration.ofSeconds(60), "auction-service to know every hold", () -> {
            long active = api.get(platform.auction() + "/auctions/" + lotId + "/holds", operator::token)
                    .orThrow("the lot's holds").path("active").asLong();
            return active == buyerCount ? active : null;
        });
        say(String.format("deposits: %d paid through the sandbox PSP and held, known to the auction (%.1f s, %.0f/s)",
                deposits.size(), depositSeconds, deposits.size() / depositSeconds));
        if (Instant.now().isAfter(opensAt)) {
            say("deposits took longer than planned: the bidding starts " + Duration.between(opensAt, Instant.now()).toSeconds()
                    + " s late and catches the curve up");
        }

        Watchers watchers = new Watchers(m, opensAt);
        watchers.open(platform.auctions(), lotId, watcherCount);
        Platform.await(Duration.ofSeconds(60), watcherCount + " watchers connected",
                () -> watchers.open() >= watcherCount ? true : null);
        say("watchers: " + watchers.open() + " streams open across " + platform.auctions());
        while (Instant.now().isBefore(opensAt)) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // the lot is not open yet
        }

        phases.entered("bidding", lotId);
        Bidding rush = new Bidding(api, platform.auctions(), lotId, buyers, curve, plan, m, No001Replay::say);
        int winner = rush.run(opensAt, bidders);
        say("bidding: hammer at " + Bidding.yuan(curve.finalPriceFen()) + " yuan to " + buyers.get(winner).username
                + "; " + rush.accepted().size() + " bids accepted, refused " + rush.refusals());

        long t2 = System.nanoTime();
        JsonNode closed = Platform.await(bidding.plus(Duration.ofSeconds(120)), "the lot to close", () -> {
            JsonNode view = api.get(platform.auction() + "/auctions/" + lotId, null).orThrow("the lot");
            return view.path("status").asText().equals("OPEN") ? null : view;
        });
        m.step("close: last bid → lot final", Deposits.micros(t2));
        say("lot " + closed.path("status").asText() + " at " + Bidding.yuan(closed.path("priceFen").asLong()) + " yuan, "
                + closed.path("bidCount").asLong() + " bids");
        watchers.close();
        phases.entered("closed", lotId);

        Settlement.Outcome outcome = new Settlement(api, platform, m, No001Replay::say)
                .settle(lotId, buyers.get(winner), dealer, operator, plan.depositFen());
        say("delivered: order " + outcome.orderId() + " " + outcome.state() + ", booking " + outcome.bookingId());

        phases.entered("settled", lotId);
        List<EndChecks.Check> checks = new EndChecks(api, platform).run(lotId, rush.accepted(), curve.finalPriceFen(), buyers,
                winner, operator, outcome, plan.depositFen());
        boolean ok = checks.stream().allMatch(EndChecks.Check::ok);

        List<String[]> figures = new ArrayList<>();
        long sent = m.seconds().values().stream().mapToLong(s -> s.sent).sum();
        figures.add(new String[]{"bids sent / accepted", sent + " / " + rush.accepted().size()
                + String.format(" (%.1f %% accepted; the seed: %,d bids)", 100.0 * rush.accepted().size() / Math.max(1, sent), curve.bids())});
        figures.add(new String[]{"refused", rush.refusals().toString()});
        figures.add(new String[]{"watchers", watcherCount + " streams, " + watchers.frames() + " frames, " + watchers.lost()
                + " dropped, " + watchers.reconnected() + " resumed with Last-Event-ID; staleness p50 "
                + m.stalenessPercentileMillis(50) + " ms, p99 " + m.stalenessPercentileMillis(99) + " ms (" + m.stalenessSamples() + " states)"});
        figures.add(new String[]{"deposits", String.format("%d in %.1f s (%.0f/s, %d at once)", deposits.size(), depositSeconds,
                deposits.size() / depositSeconds, depositParallelism)});
        figures.add(new String[]{"sent again", api.retries()[0] + " after a 502/503/504, " + api.retries()[1]
                + " after no connection (same Idempotency-Key)"});
        figures.add(new String[]{"whole replay", String.format("%.0f s", (System.nanoTime() - STARTED) / 1e9)});
        List<String[]> settings = List.of(
                new String[]{"speed", String.format("%d× (%s of bidding)", speed, bidding)},
                new String[]{"scale", options.scale() == 1 ? "the seed's prices" : "prices and bids ÷ " + options.scale()},
                new String[]{"buyers / watchers / bidding at once", buyerCount + " / " + watcherCount + " / " + bidders},
                new String[]{"lot", lotId + ": start 1 yuan, deposit 100 yuan, raise ≤ 4,490 yuan, step 2,900 yuan above 1,000"},
                new String[]{"auction replicas", String.join(", ", platform.auctions())},
                new String[]{"machine", System.getProperty("os.name") + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                        + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE)});
        Path report = Report.write(out.resolve("no001-" + runId + ".html").toAbsolutePath(),
                new Report.Summary(runId, settings, checks, m.stepSummary(), figures), m, curve, plan);

        System.out.println();
        System.out.printf("%-3s %-52s %-34s %s%n", "", "check", "expected", "found");
        for (EndChecks.Check c : checks) {
            System.out.printf("%-3s %-52s %-34s %s%n", c.ok() ? "ok" : "NO", c.name(), c.expected(), c.actual());
        }
        System.out.println();
        System.out.printf("%-52s %8s %9s %9s %9s%n", "step", "count", "p50 ms", "p99 ms", "max ms");
        m.stepSummary().forEach((name, v) -> System.out.printf("%-52s %8d %9.1f %9.1f %9.1f%n", name, v[0], v[1] / 1000.0,
                v[2] / 1000.0, v[3] / 1000.0));
        System.out.println();
        figures.forEach(f -> System.out.printf("%-22s %s%n", f[0], f[1]));
        System.out.println();
        say((ok ? "every check holds" : "SOME CHECKS FAILED") + "; the report: file://" + report);
        return new Result(checks, report);
    }

    public static void say(String line) {
        System.out.printf("[replay %5.0fs] %s%n", (System.nanoTime() - STARTED) / 1e9, line);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length) {
                usage("unknown argument '" + a + "'");
            }
            String name = a.substring(2);
            if (!List.of("speed", "buyers", "watchers", "bidders", "deposit-parallelism", "scale", "out").contains(name)) {
                usage("unknown option '" + a + "'");
            }
            options.put(name, args[++i]);
        }
        return options;
    }

    private static void usage(String problem) {
        System.err.println("replay no001: " + problem);
        System.err.println("usage: ./platform replay no001 [--speed 60] [--buyers 2000] [--watchers 1000] [--bidders 32] "
                + "[--deposit-parallelism 16] [--scale 1] [--out DIR]");
        System.exit(2);
    }
}
