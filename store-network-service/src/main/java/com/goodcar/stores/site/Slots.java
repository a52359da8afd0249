package com.goodcar.stores.site;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A site's slots for one capability, in local time: from opening, one every {@code slotMinutes},
 * the last ending by closing time, on open days only.
 */
public record Slots(OpeningHours hours, ServiceCapacity service, ZoneId zone) {

    public static Slots of(Site site, ServiceCapacity service, ZoneId zone) {
        return new Slots(site.hours(), service, zone);
    }

    public List<Instant> on(LocalDate day) {
        var starts = new ArrayList<Instant>();
        if (!hours.days().contains(day.getDayOfWeek())) {
            return starts;
        }
        for (int minute = hours.opensMinute(); minute + service.slotMinutes() <= hours.closesMinute();
             minute += service.slotMinutes()) {
            starts.add(day.atStartOfDay(zone).plusMinutes(minute).toInstant());
        }
        return starts;
    }

    /** Why {@code start} is not one of these slots, or empty if it is. */
    public Optional<String> refusal(Instant start) {
        LocalDateTime local = LocalDateTime.ofInstant(start, zone);
        int minute = local.getHour() * 60 + local.getMinute();
        if (!hours.days().contains(local.getDayOfWeek())) {
            return Optional.of("the site is closed on " + local.getDayOfWeek());
        }
        if (local.getSecond() != 0 || local.getNano() != 0 || minute < hours.opensMinute()
                || minute + service.slotMinutes() > hours.closesMinute()
                || (minute - hours.opensMinute()) % service.slotMinutes() != 0) {
            return Optional.of("slots of " + service.capability() + " start every " + service.slotMinutes()
                    + " minutes from " + OpeningHours.clock(hours.opensMinute()) + " local time, the last ending by "
                    + OpeningHours.clock(hours.closesMinute()));
        }
        return Optional.empty();
    }

    /** The local day a slot start falls on. */
    public LocalDate day(Instant start) {
        return ZonedDateTime.ofInstant(start, zone).toLocalDate();
    }
}
