package com.goodcar.stores.aftersales;

import com.goodcar.kit.problem.ProblemException;
import com.goodcar.stores.aftersales.CaseResource.Answer;
import com.goodcar.stores.aftersales.CaseResource.Resolution;
import com.goodcar.stores.booking.BookingResource.NewSlot;
import com.goodcar.stores.dealer.OutletAccess;
import com.goodcar.stores.site.SiteRows;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The partner dealer API's cases: those its outlet answers for (workmanship of its own jobs), and no others. */
@Path("/outlets/{outletId}/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner dealer API")
public class OutletCaseResource {

    private static final String NOT_YOURS = "Not your outlet (`not-your-outlet`).";
    private static final String RATE_LIMITED = "Over the outlet's request rate (`rate-limited`); Retry-After says when.";

    private final Cases cases;
    private final OutletAccess access;
    private final SecurityIdentity caller;
    private final Clock clock;
    private final Pool pool;

    OutletCaseResource(Cases cases, OutletAccess access, SecurityIdentity caller, Clock clock, Pool pool) {
        this.pool = pool;
        this.cases = cases;
        this.access = access;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({"dealer", "operator"})
    @Operation(summary = "Your outlet's cases", description = "Newest first; `overdue` says which are past their deadline.")
    @APIResponse(responseCode = "200", description = "The cases your outlet answers for.")
    @APIResponse(responseCode = "403", description = NOT_YOURS)
    @APIResponse(responseCode = "429", description = RATE_LIMITED)
    public Uni<List<CaseView>> cases(@PathParam("outletId") String outletId) {
        access.require(caller, outletId);
        return SiteRows.find(pool, outletId, false)
                .invoke(found -> found.orElseThrow(() -> ProblemException.notFound("Outlet", outletId)))
                .chain(() -> cases.ofOutlet(outletId))
                .map(l -> l.stream().map(c -> CaseView.of(c, clock.instant())).toList());
    }

    @POST
    @Path("{caseId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"dealer", "operator"})
    @Operation(summary = "Answer a case", description = "Before its deadline, or it counts as overdue.")
    @APIResponse(responseCode = "200", description = "Answered.")
    @APIResponse(responseCode = "403", description = NOT_YOURS)
    @APIResponse(responseCode = "404", description = "No such case for this outlet.")
    @APIResponse(responseCode = "409", description = "Answered or closed already.")
    @APIResponse(responseCode = "429", description = RATE_LIMITED)
    public Uni<CaseView> answer(@PathParam("outletId") String outletId, @PathParam("caseId") String caseId,
                                @NotNull @Valid Answer answer) {
        access.require(caller, outletId);
        return cases.answer(caseId, answer.text().strip(), c -> ours(c, outletId, caseId))
                .map(c -> CaseView.of(c, clock.instant()));
    }

    @POST
    @Path("{caseId}/repair")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"dealer", "operator"})
    @Operation(summary = "Book the repair at your outlet", description = "A maintenance slot of your outlet for the buyer.")
    @APIResponse(responseCode = "200", description = "The case, with its repair booking.")
    @APIResponse(responseCode = "403", description = NOT_YOURS)
    @APIResponse(responseCode = "404", description = "No such case for this outlet.")
    @APIResponse(responseCode = "409", description = "The case is closed or has a repair already, or the slot is full.")
    @APIResponse(responseCode = "429", description = RATE_LIMITED)
    public Uni<CaseView> repair(@PathParam("outletId") String outletId, @PathParam("caseId") String caseId,
                                @NotNull @Valid NewSlot slot) {
        access.require(caller, outletId);
        return cases.repair(caseId, outletId, slot.slotStart(), c -> ours(c, outletId, caseId))
                .map(c -> CaseView.of(c, clock.instant()));
    }

    @POST
    @Path("{caseId}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"dealer", "operator"})
    @Operation(summary = "Close a case", description = "With how it was resolved.")
    @APIResponse(responseCode = "200", description = "Closed.")
    @APIResponse(responseCode = "403", description = NOT_YOURS)
    @APIResponse(responseCode = "404", description = "No such case for this outlet.")
    @APIResponse(responseCode = "409", description = "Closed already.")
    @APIResponse(responseCode = "429", description = RATE_LIMITED)
    public Uni<CaseView> close(@PathParam("outletId") String outletId, @PathParam("caseId") String caseId,
                               @NotNull @Valid Resolution resolution) {
        access.require(caller, outletId);
        return cases.close(caseId, resolution.resolution().strip(), c -> ours(c, outletId, caseId))
                .map(c -> CaseView.of(c, clock.instant()));
    }

    private static AfterSalesCase ours(AfterSalesCase c, String outletId, String caseId) {
        if (!outletId.equals(c.outletId())) {
            throw ProblemException.notFound("Case", caseId);
        }
        return c;
    }
}
