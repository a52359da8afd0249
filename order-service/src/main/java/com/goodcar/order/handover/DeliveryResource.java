package com.goodcar.order.handover;

import com.goodcar.contracts.order.DeliveryAddress;
import com.goodcar.kit.problem.ProblemException;
import com.goodcar.order.order.Order;
import com.goodcar.order.order.OrderAccess;
import com.goodcar.order.order.OrderRows;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Where a buyer wants the car, and where and when the store network hands it over. */
@Path("/orders/{id}/delivery")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private final Pool pool;
    private final SecurityIdentity caller;
    private final Clock clock;

    DeliveryResource(Pool pool, SecurityIdentity caller, Clock clock) {
        this.pool = pool;
        this.caller = caller;
        this.clock = clock;
    }

    /** A delivery address: the handover site is looked for near the point. */
    @Schema(examples = """
            {"city": "Guangzhou", "address": "Tianhe Road 208", "latitude": 23.1291, "longitude": 113.3245}
            """)
    public record Address(@NotBlank @Size(max = 100) String city, @NotBlank @Size(max = 300) String address,
                          @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
                          @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    @GET
    @RolesAllowed({"buyer", "operator"})
    @Operation(summary = "The order's delivery", description = "The address and the handover; its buyer or an operator.")
    public Uni<DeliveryView> get(@PathParam("id") String id) {
        return OrderRows.find(pool, id, false).chain(found -> {
            OrderAccess.visible(found.orElse(null), id, caller);
            return DeliveryRows.find(pool, id).map(view -> view.orElse(new DeliveryView(null, null)));
        });
    }

    @PUT
    @Path("address")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("buyer")
    @Operation(summary = "Say where you want the car", description = "Before paying: order.paid.v1 carries it to the "
            + "store network, which books the handover at the nearest site that can take the car. Role buyer.")
    @APIResponse(responseCode = "200", description = "The delivery as it is now.")
    @APIResponse(responseCode = "409", description = "The order is paid already, or no longer open (`address-too-late`).")
    public Uni<DeliveryView> address(@PathParam("id") String id, @NotNull @Valid Address address) {
        var to = new DeliveryAddress(address.city().strip(), address.address().strip(), address.latitude(),
                address.longitude());
        return pool.withTransaction(connection -> OrderRows.find(connection, id, true).chain(found -> {
            Order order = OrderAccess.owned(found.orElse(null), id, caller);
            if (!order.state().waitsForBuyer()) {
                throw ProblemException.conflict("address-too-late", "Too late for an address", "Order " + id + " is "
                        + order.state() + ": the address goes with the payment; ask an operator to change a handover.");
            }
            return DeliveryRows.putAddress(connection, id, to, clock.instant().truncatedTo(ChronoUnit.MICROS))
                    .chain(() -> DeliveryRows.find(connection, id)).map(view -> view.orElseThrow());
        }));
    }
}
