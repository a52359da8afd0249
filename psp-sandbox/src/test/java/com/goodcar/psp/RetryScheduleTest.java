package com.goodcar.psp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(60), 15);

    @Test
    void pausesDoubleFromOneSecondUpToAMinuteThenTheLastAttemptIsFinal() {
        List<Long> pauses = IntStream.rangeClosed(1, 14)
                .mapToObj(failed -> schedule.after(failed).orElseThrow().toSeconds()).toList();
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L, 60L, 60L, 60L, 60L, 60L), pauses);
        assertEquals(Optional.empty(), schedule.after(15));
        assertEquals(Optional.empty(), schedule.after(16));
        // about nine minutes from the first attempt to the last
        assertEquals(543, pauses.stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void aLongScheduleNeverOverflows() {
        var patient = new RetrySchedule(Duration.ofMillis(1), Duration.ofDays(1), Integer.MAX_VALUE);
        assertEquals(Duration.ofDays(1), patient.after(1_000_000).orElseThrow());
        assertEquals(Duration.ofMillis(200), new RetrySchedule(Duration.ofMillis(200), Duration.ofMillis(300), 3)
                .after(1).orElseThrow());
        assertEquals(Duration.ofMillis(300), new RetrySchedule(Duration.ofMillis(200), Duration.ofMillis(300), 3)
                .after(2).orElseThrow());
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), 3));
        assertThrows(IllegalArgumentException.class, () -> schedule.after(0));
    }
}
