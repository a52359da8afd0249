package com.goodcar.stores.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final OpeningHours WEEKDAYS = new OpeningHours(8 * 60 + 30, 18 * 60 + 30,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY));

    @Test
    void openFromOpeningUntilBeforeClosingOnOpenDaysOnly() {
        assertTrue(WEEKDAYS.openAt(LocalDateTime.parse("2026-12-07T08:30")));   // a Monday
        assertFalse(WEEKDAYS.openAt(LocalDateTime.parse("2026-12-07T08:29")));
        assertFalse(WEEKDAYS.openAt(LocalDateTime.parse("2026-12-07T18:30")));
        assertFalse(WEEKDAYS.openAt(LocalDateTime.parse("2026-12-06T12:00")));  // a Sunday
        assertTrue(OpeningHours.everyDay(0, 1440).openAt(LocalDateTime.parse("2026-12-06T23:59")));
    }

    @Test
    void clockTimesRoundTripAndMidnightIs2400() {
        assertEquals(1440, OpeningHours.minute("24:00"));
        assertEquals("24:00", OpeningHours.clock(1440));
        assertEquals(-1, OpeningHours.minute("24:01"));
        assertEquals(-1, OpeningHours.minute("9:00"));
        assertEquals(-1, OpeningHours.minute("12:60"));
        assertThrows(IllegalArgumentException.class, () -> new OpeningHours(600, 600, EnumSet.allOf(DayOfWeek.class)));
    }

    @Test
    void dayBitsRoundTrip() {
        assertEquals(63, WEEKDAYS.dayBits());
        assertEquals(WEEKDAYS.days(), OpeningHours.days(63));
    }

    @Test
    void slotsStartEveryLengthFromOpeningAndTheLastEndsByClosing() {
        var service = new ServiceCapacity(Capability.MAINTENANCE, 60, 2);
        var slots = new Slots(WEEKDAYS, service, SHANGHAI);
        List<Instant> monday = slots.on(LocalDate.parse("2026-12-07"));
        assertEquals(10, monday.size());
        assertEquals(Instant.parse("2026-12-07T00:30:00Z"), monday.getFirst()); // 08:30 in Shanghai
        assertEquals(Instant.parse("2026-12-07T09:30:00Z"), monday.getLast());  // 17:30, ends 18:30
        assertEquals(10, service.slotsPerDay(WEEKDAYS));
        assertTrue(slots.on(LocalDate.parse("2026-12-06")).isEmpty());
        assertTrue(slots.refusal(Instant.parse("2026-12-07T00:30:00Z")).isEmpty());
        assertTrue(slots.refusal(Instant.parse("2026-12-07T01:00:00Z")).isPresent(), "09:00 is between slots");
        assertTrue(slots.refusal(Instant.parse("2026-12-07T10:30:00Z")).isPresent(), "18:30 is closing time");
        assertTrue(slots.refusal(Instant.parse("2026-12-06T00:30:00Z")).isPresent(), "closed on Sunday");
    }

    @Property(tries = 200)
    void everySlotOfADayIsAcceptedAndEndsByClosing(@ForAll @IntRange(min = 0, max = 1380) int opens,
                                                   @ForAll @IntRange(min = 5, max = 240) int slotMinutes,
                                                   @ForAll @IntRange(min = 0, max = 364) int dayOfYear) {
        var hours = OpeningHours.everyDay(opens, 1440);
        var slots = new Slots(hours, new ServiceCapacity(Capability.BATTERY_SWAP, slotMinutes, 9), SHANGHAI);
        LocalDate day = LocalDate.of(2027, 1, 1).plusDays(dayOfYear);
        List<Instant> starts = slots.on(day);
        assertEquals((1440 - opens) / slotMinutes, starts.size());
        for (Instant start : starts) {
            assertTrue(slots.refusal(start).isEmpty(), start::toString);
            assertEquals(day, slots.day(start));
            assertTrue(slots.refusal(start.plusSeconds(60)).isPresent(), "a minute later is no slot start");
        }
    }
}
