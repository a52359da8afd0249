package com.goodcar.replay;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole platform's packaged services on one stack of this run (started once: two cores), first
 * under attack ({@link AttackSuite}), then through the No. 001 replay with crashes and restarts
 * ({@link FaultDrill}), which kills those services as it goes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformUnderFireIT {

    private static ReplayStack stack;

    @BeforeAll
    static void start() {
        stack = new ReplayStack().withCatalog().start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyHostileRequestIsRefusedWithAProblemAndChangesNothing() throws Exception {
        new AttackSuite().run(stack);
    }

    @Test
    @Order(2)
    void theReplayEndsCorrectlyThroughCrashesAndRestarts() {
        new FaultDrill().run(stack);
    }
}
