package com.goodcar.stores.site;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A site's hours in its local time, the same on every open day: from {@code opensMinute} to
 * {@code closesMinute} of the day (1440 = midnight, so 0-1440 is around the clock).
 */
public record OpeningHours(int opensMinute, int closesMinute, Set<DayOfWeek> days) {

    public OpeningHours {
        if (opensMinute < 0 || opensMinute > 1439 || closesMinute <= opensMinute || closesMinute > 1440) {
            throw new IllegalArgumentException("opening hours must be 00:00 <= opens < closes <= 24:00");
        }
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    public static OpeningHours everyDay(int opensMinute, int closesMinute) {
        return new OpeningHours(opensMinute, closesMinute, EnumSet.allOf(DayOfWeek.class));
    }

    public boolean openAt(LocalDateTime local) {
        int minute = local.getHour() * 60 + local.getMinute();
        return days.contains(local.getDayOfWeek()) && minute >= opensMinute && minute < closesMinute;
    }

    /** Bit per ISO weekday, Monday = 1 … Sunday = 64: how the database filters by day. */
    public int dayBits() {
        return days.stream().mapToInt(OpeningHours::bit).sum();
    }

    public static int bit(DayOfWeek day) {
        return 1 << (day.getValue() - 1);
    }

    public static Set<DayOfWeek> days(int bits) {
        var days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if ((bits & bit(day)) != 0) {
                days.add(day);
            }
        }
        return days;
    }

    /** "09:00", "24:00". */
    public static String clock(int minute) {
        return "%02d:%02d".formatted(minute / 60, minute % 60);
    }

    /** The minute of the day of "HH:mm" (24:00 allowed), or -1 if it is not one. */
    public static int minute(String clock) {
        if (clock == null || !clock.matches("\\d{2}:\\d{2}")) {
            return -1;
        }
        int hours = Integer.parseInt(clock.substring(0, 2));
        int minutes = Integer.parseInt(clock.substring(3));
        if (minutes > 59 || hours > 24 || hours == 24 && minutes > 0) {
            return -1;
        }
        return hours * 60 + minutes;
    }
}
