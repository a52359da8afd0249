package com.goodcar.stores.handover;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.goodcar.kit.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Where and when a paid car is handed over; the cars no site could take, for operators. */
@Path("/handovers")
@Produces(MediaType.APPLICATION_JSON)
public class HandoverResource {

    private final Handovers handovers;
    private final SecurityIdentity caller;

    HandoverResource(Handovers handovers, SecurityIdentity caller) {
        this.handovers = handovers;
        this.caller = caller;
    }

    /** An operator's choice for an unassigned car. */
    @Schema(examples = """
                    {"siteId": "STO-000042", "slotStart": "2026-10-25T02:00:00Z"}
                    """)
    public record Assignment(@NotNull @Size(max = 40) String siteId, @NotNull Instant slotStart) {
    }

    @GET
    @Path("unassigned")
    @RolesAllowed("operator")
    @Operation(summary = "Cars no site could take", description = "Longest waiting first, with the reason. Role operator.")
    public Uni<List<HandoverView>> unassigned() {
        return handovers.unassigned();
    }

    @GET
    @Path("{orderId}")
    @RolesAllowed({"buyer", "operator"})
    @Operation(summary = "A paid order's handover", description = "Its buyer or an operator.")
    public Uni<HandoverView> get(@PathParam("orderId") String orderId) {
        return handovers.find(orderId).map(found -> found
                .filter(h -> caller.hasRole("operator") || h.userId().equals(caller.getPrincipal().getName()))
                .orElseThrow(() -> ProblemException.notFound("Handover", orderId)));
    }

    @POST
    @Path("{orderId}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    @Operation(summary = "Assign an unassigned car", description = "Books the site's slot for the handover. Role operator.")
    public Uni<HandoverView> assign(@PathParam("orderId") String orderId, @NotNull @Valid Assignment assignment) {
        return handovers.assign(orderId, assignment.siteId(), assignment.slotStart());
    }
}
