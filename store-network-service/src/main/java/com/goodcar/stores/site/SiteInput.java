package com.goodcar.stores.site;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.goodcar.kit.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;

/** A site as an operator writes it (one of an import, or PUT /sites/{id}). */
@Schema(examples = """
        {"id": "OUT-000123", "kind": "OUTLET", "name": "Guangzhou Partner Outlet 123", "city": "Guangzhou", "address": "No. 35 Zhongshan Road, Guangzhou", "latitude": 23.129588, "longitude": 113.262882, "hours": {"opens": "08:30", "closes": "18:30", "days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"]}, "services": [{"capability": "MAINTENANCE", "slotMinutes": 60, "perSlot": 2}, {"capability": "BATTERY_SWAP", "slotMinutes": 15, "perSlot": 9}]}
        """)
public record SiteInput(
        @NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,39}", message = "must be 3 to 40 of A-Z, 0-9 and '-'") String id,
        @NotNull SiteKind kind,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Size(max = 300) String address,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotNull @Valid HoursInput hours,
        @NotNull @Size(max = 5) List<@NotNull @Valid ServiceInput> services) {

    /** Local hours "HH:mm" ("24:00": until midnight) on the listed days. */
    @Schema(examples = """
                    {"opens": "08:30", "closes": "18:30", "days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"]}
                    """)
    public record HoursInput(@NotNull @Pattern(regexp = "\\d{2}:\\d{2}", message = "must be HH:mm") String opens,
                             @NotNull @Pattern(regexp = "\\d{2}:\\d{2}", message = "must be HH:mm") String closes,
                             @NotNull @Size(max = 7) List<@NotNull DayOfWeek> days) {

        public OpeningHours hours() {
            int opensMinute = OpeningHours.minute(opens);
            int closesMinute = OpeningHours.minute(closes);
            if (opensMinute < 0 || closesMinute < 0 || opensMinute >= closesMinute || opensMinute > 1439) {
                throw ProblemException.invalid("invalid-hours", "Opening hours are not a day's span",
                        "opens " + opens + ", closes " + closes + ": need 00:00 <= opens < closes <= 24:00");
            }
            return new OpeningHours(opensMinute, closesMinute, days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days));
        }
    }

    /** One capability: slots of {@code slotMinutes}, at most {@code perSlot} bookings each (0: none for now). */
    public record ServiceInput(@NotNull Capability capability, @NotNull @Min(5) @Max(480) Integer slotMinutes,
                               @NotNull @Min(0) @Max(1000) Integer perSlot) {
        public ServiceCapacity capacity() {
            return new ServiceCapacity(capability, slotMinutes, perSlot);
        }
    }

    public Site site() {
        var seen = new HashSet<Capability>();
        for (ServiceInput service : services) {
            if (!seen.add(service.capability())) {
                throw ProblemException.invalid("duplicate-capability", "A capability is listed twice",
                        id + " lists " + service.capability() + " more than once");
            }
        }
        return new Site(id, kind, name.strip(), city.strip(), address.strip(), latitude, longitude, hours.hours(),
                services.stream().map(ServiceInput::capacity).toList(), null);
    }
}
