package com.goodcar.replay;

import com.goodcar.kit.testing.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replay at a drill's size (prices ÷ 100, 40 s of bidding, 30 buyers) while things break at
 * random moments: deposit-service SIGKILLed while deposits are paid; during the bidding the
 * auction-service SIGKILLed, the Kafka broker restarted and PostgreSQL restarted; after the
 * hammer order-service and deposit-service SIGKILLed while the order and the refunds are under
 * way. Each comes back on its port, database and Kafka group, as a replaced pod would. The same
 * end checks must hold: every acknowledged bid in the verified log, one order, every deposit
 * final once, refunds confirmed, the ledger balanced, the car delivered, nothing stuck.
 */
final class FaultDrill {

    private static final int SPEED = 360;
    /** The lot opens this long after it is created; deposits slowed by a restart make the bidding start late. */
    private static final Duration SETUP = Duration.ofSeconds(25);
    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);
    private static final java.util.concurrent.Executor FAULTS = command -> Thread.ofVirtual().name("fault").start(command);
    private final List<String> faults = Collections.synchronizedList(new ArrayList<>());
    private final List<CompletableFuture<Void>> drills = Collections.synchronizedList(new ArrayList<>());

    /** On a started stack: its services are killed and restarted along the way. */
    void run(ReplayStack stack) {
        No001Replay.say("fault drill: random seed " + seed);
        Duration bidding = LotPlan.no001(SPEED).bidding(SeedCurve.NO_001);
        {
            long[] depositsAt = new long[1];
            No001Replay.Phases phases = (phase, lot) -> {
                switch (phase) {
                    case "deposits" -> {
                        depositsAt[0] = System.currentTimeMillis();
                        later(between(300, 1_500), () -> crash("deposit-service", stack.deposit));
                    }
                    case "bidding" -> {
                        // the bidding ends when the curve does, however late it started: faults in what is left of it
                        long ms = Math.max(10_000, depositsAt[0] + SETUP.toMillis() + bidding.toMillis() - System.currentTimeMillis());
                        later(between(ms / 10, ms / 4), () -> crash("auction-service", stack.auction));
                        later(between(ms * 2 / 5, ms / 2), () -> {
                            platform("kafka", "stop");
                            platform("kafka", "start");
                        });
                        later(between(ms * 3 / 5, ms * 3 / 4), () -> platform("postgres", "restart"));
                    }
                    case "closed" -> later(between(0, 300), () -> {
                        crash("order-service", stack.orders);
                        crash("deposit-service", stack.deposit);
                    });
                    default -> { }
                }
            };
            var options = new No001Replay.Options(SPEED, 30, 20, 4, 8, 100, Path.of("target/replay-drill"), SETUP);
            No001Replay.Result result = No001Replay.run(options, stack.platform(), phases);
            CompletableFuture.allOf(drills.toArray(CompletableFuture[]::new)).join();
            No001Replay.say("fault drill: " + faults);
            assertEquals(7, faults.size(), "every fault happened: " + faults);
            assertTrue(result.ok(), "end checks after the faults (seed " + seed + "): " + result.checks().stream()
                    .filter(c -> !c.ok()).toList());
        }
    }

    private long between(long fromMs, long toMs) {
        return fromMs + (long) (random.nextDouble() * (toMs - fromMs));
    }

    /** The fault at a moment of the phase, on its own thread (two cores give the common pool one, which would run them in turn). */
    private void later(long ms, Runnable fault) {
        drills.add(CompletableFuture.runAsync(fault, CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS, FAULTS)));
    }

    private void crash(String name, ServiceProcess service) {
        long t0 = System.nanoTime();
        service.kill();
        service.start(ReplayStack.START);
        faults.add(String.format("%s SIGKILLed, back in %.1f s", name, (System.nanoTime() - t0) / 1e9));
        No001Replay.say("fault drill: " + faults.getLast());
    }

    /** The platform script's drills: ./platform kafka stop|start, ./platform postgres restart. */
    private void platform(String... args) {
        long t0 = System.nanoTime();
        run(args);
        faults.add(String.format("./platform %s (%.1f s)", String.join(" ", args), (System.nanoTime() - t0) / 1e9));
        No001Replay.say("fault drill: " + faults.getLast());
    }

    private static void run(String... args) {
        var command = new ArrayList<String>();
        command.add(Path.of("..", "platform").toAbsolutePath().normalize().toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            assertEquals(0, process.waitFor(), "./platform " + String.join(" ", args));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
