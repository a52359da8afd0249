package com.goodcar.stores.aftersales;

import com.goodcar.kit.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * After-sales cases: a buyer opens one on a delivered car and follows it; operators answer the
 * cases the manufacturer or the platform answers for (an outlet answers its own through the
 * partner API), and list the overdue ones.
 */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    private final Cases cases;
    private final SecurityIdentity caller;
    private final Clock clock;

    CaseResource(Cases cases, SecurityIdentity caller, Clock clock) {
        this.cases = cases;
        this.caller = caller;
        this.clock = clock;
    }

    @Schema(examples = """
            {"orderId": "ord-9a1", "kind": "WORKMANSHIP", "bookingId": "bkg-5f1c9e2a-7b4d-4e8f-a6c5-1d2b3e4f5a60", "description": "The home charger trips the breaker."}
            """)
    public record NewCase(@NotNull @Size(max = 100) String orderId, @NotNull CaseKind kind,
                          @Size(max = 100) String bookingId, @NotBlank @Size(max = 2000) String description) {
    }

    @Schema(examples = """
            {"text": "A technician will check the wiring at your home."}
            """)
    public record Answer(@NotBlank @Size(max = 2000) String text) {
    }

    @Schema(examples = """
            {"resolution": "The wiring was redone at the outlet's cost."}
            """)
    public record Resolution(@NotBlank @Size(max = 2000) String resolution) {
    }

    @Schema(examples = """
            {"siteId": "STO-000042", "slotStart": "2026-11-06T02:00:00Z"}
            """)
    public record Repair(@NotNull @Size(max = 40) String siteId, @NotNull Instant slotStart) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("buyer")
    @Operation(summary = "Open a case on a delivered car", description = "Assigned by rule: a quality defect to the "
            + "manufacturer, delivery damage to the platform, workmanship to the outlet that did the job (name its "
            + "bookingId; the platform for its own stores), each with a deadline to answer. Role buyer.")
    @APIResponse(responseCode = "200", description = "The case, assigned.")
    @APIResponse(responseCode = "404", description = "No delivered order (or booking) of yours with that id.")
    @APIResponse(responseCode = "409", description = "The car is not delivered yet, or the job is not done.")
    public Uni<CaseView> open(@NotNull @Valid NewCase request) {
        return cases.open(new Cases.Report(caller.getPrincipal().getName(), request.orderId(), request.kind(),
                request.bookingId(), request.description().strip())).map(this::view);
    }

    @GET
    @RolesAllowed("buyer")
    @Operation(summary = "Your cases", description = "Newest first. Role buyer.")
    public Uni<List<CaseView>> mine() {
        return cases.ofUser(caller.getPrincipal().getName()).map(l -> l.stream().map(this::view).toList());
    }

    @GET
    @Path("overdue")
    @RolesAllowed("operator")
    @Operation(summary = "Overdue cases", description = "Unanswered past their deadline, longest overdue first, whoever "
            + "answers for them (also counted in goodcar_store_cases_overdue). Role operator.")
    public Uni<List<CaseView>> overdue() {
        return cases.overdue().map(l -> l.stream().map(this::view).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"buyer", "operator"})
    @Operation(summary = "A case", description = "Its buyer or an operator.")
    public Uni<CaseView> get(@PathParam("id") String id) {
        return cases.find(id).map(found -> view(found.filter(c -> caller.hasRole("operator")
                || c.userId().equals(caller.getPrincipal().getName()))
                .orElseThrow(() -> ProblemException.notFound("Case", id))));
    }

    @POST
    @Path("{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    @Operation(summary = "Answer a case", description = "For cases the manufacturer or the platform answers for (an "
            + "outlet's own are answered through the partner API). Role operator.")
    @APIResponse(responseCode = "200", description = "Answered.")
    @APIResponse(responseCode = "409", description = "Answered or closed already.")
    public Uni<CaseView> answer(@PathParam("id") String id, @NotNull @Valid Answer answer) {
        return cases.answer(id, answer.text().strip(), c -> c).map(this::view);
    }

    @POST
    @Path("{id}/repair")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    @Operation(summary = "Book a repair", description = "A maintenance slot for the buyer at a site. Role operator.")
    @APIResponse(responseCode = "200", description = "The case, with its repair booking.")
    @APIResponse(responseCode = "409", description = "The case is closed or has a repair already, or the slot is full.")
    public Uni<CaseView> repair(@PathParam("id") String id, @NotNull @Valid Repair repair) {
        return cases.repair(id, repair.siteId(), repair.slotStart(), c -> c).map(this::view);
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    @Operation(summary = "Close a case", description = "With how it was resolved. Role operator.")
    @APIResponse(responseCode = "200", description = "Closed.")
    @APIResponse(responseCode = "409", description = "Closed already.")
    public Uni<CaseView> close(@PathParam("id") String id, @NotNull @Valid Resolution resolution) {
        return cases.close(id, resolution.resolution().strip(), c -> c).map(this::view);
    }

    private CaseView view(AfterSalesCase c) {
        return CaseView.of(c, clock.instant());
    }
}
