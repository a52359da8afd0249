package com.goodcar.kit.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ./platform does with a process's log when it starts it again (deploy/local/lib/common.sh,
 * run by bash as the script does): the previous run's log is kept, three of them, newest first,
 * so an operator can read what a crashed process wrote.
 */
class PlatformLogsTest {

    private static final Path COMMON = Path.of("..", "deploy", "local", "lib", "common.sh").toAbsolutePath().normalize();

    @Test
    void eachStartKeepsThePreviousThreeLogs(@TempDir Path logs) throws Exception {
        for (String run : List.of("first", "second", "third", "fourth", "fifth")) {
            rotate(logs);
            Files.writeString(logs.resolve("auction-service.log"), run + "\n");
        }
        assertEquals("fifth", read(logs, "auction-service.log"));
        assertEquals("fourth", read(logs, "auction-service.log.1"));
        assertEquals("third", read(logs, "auction-service.log.2"));
        assertEquals("second", read(logs, "auction-service.log.3"));
        assertFalse(Files.exists(logs.resolve("auction-service.log.4")), "three earlier logs, not more");
    }

    @Test
    void anEmptyLogIsNotKept(@TempDir Path logs) throws Exception {
        Files.writeString(logs.resolve("auction-service.log"), "");
        rotate(logs);
        assertFalse(Files.exists(logs.resolve("auction-service.log.1")));
    }

    /** The script's own function, on a scratch log directory. */
    private static void rotate(Path logs) throws IOException, InterruptedException {
        var bash = new ProcessBuilder("bash", "-c", "source \"$0\" && LOGS=\"$1\" && rotate_log auction-service",
                COMMON.toString(), logs.toString()).inheritIO().start();
        assertEquals(0, bash.waitFor(), "rotate_log failed");
    }

    private static String read(Path logs, String name) throws IOException {
        return Files.readString(logs.resolve(name)).strip();
    }
}
