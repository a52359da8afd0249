package com.goodcar.order.sale;

import com.goodcar.kit.paging.Page;
import com.goodcar.kit.paging.PageRequest;
import com.goodcar.order.order.OrderView;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The Double 11 flash sale: operators schedule a sale and see its orders; buyers see it and order
 * a unit, which is theirs until the order's payBy. Another buyer's order is never shown to a buyer.
 */
@Path("/sales")
@Produces(MediaType.APPLICATION_JSON)
public class SaleResource {

    public static final String KEY_PATTERN = "^[A-Za-z0-9_.:-]{8,64}$";
    public static final String KEY_MESSAGE = "must be 8-64 characters of A-Z a-z 0-9 _ . : -";

    private final Sales sales;
    private final Pool pool;
    private final SecurityIdentity caller;

    SaleResource(Sales sales, Pool pool, SecurityIdentity caller) {
        this.sales = sales;
        this.pool = pool;
        this.caller = caller;
    }

    /** Schedules a sale of a listed edition; a retry with the same Idempotency-Key answers the sale it scheduled. */
    @POST
    @RolesAllowed("operator")
    @APIResponse(responseCode = "201", description = "Scheduled; Location names the sale.",
            content = @Content(schema = @Schema(implementation = SaleView.class)))
    @APIResponse(responseCode = "200", description = "The same Idempotency-Key again: the sale it scheduled.",
            content = @Content(schema = @Schema(implementation = SaleView.class)))
    @APIResponse(responseCode = "422", description = "The edition has not been listed by the catalog (`edition-unknown`), "
            + "a term is out of range (`invalid-sale`, with the field: perBuyerLimit above the units, payWithin outside "
            + "PT1S..PT24H), or the Idempotency-Key scheduled another sale (`key-reused`).")
    public Uni<Response> schedule(@HeaderParam("Idempotency-Key") @NotNull @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE)
                                  String key,
                                  @NotNull @Valid NewSale draft) {
        return sales.schedule(draft, caller.getPrincipal().getName(), key)
                .chain(scheduled -> sales.view(scheduled.sale().id()).map(view -> Response
                        .status(scheduled.created() ? Response.Status.CREATED : Response.Status.OK)
                        .location(URI.create("/sales/" + view.id())).entity(view).build()));
    }

    /** The sales of the last two days and those to come, the latest start first (at most 20). */
    @GET
    @RolesAllowed({"buyer", "operator"})
    @APIResponse(responseCode = "200", description = "The current sales.",
            content = @Content(schema = @Schema(implementation = SaleView.class, type = SchemaType.ARRAY)))
    public Uni<List<SaleView>> current() {
        return sales.current(Duration.ofDays(2), 20);
    }

    /** The sale: its terms, units left and state (SCHEDULED, ON_SALE, SOLD_OUT). */
    @GET
    @Path("{id}")
    @RolesAllowed({"buyer", "operator"})
    @APIResponse(responseCode = "200", description = "The sale.",
            content = @Content(schema = @Schema(implementation = SaleView.class)))
    public Uni<SaleView> get(@PathParam("id") String id) {
        return sales.view(id);
    }

    /**
     * Orders one unit at the sale's price: the unit is reserved for you until the order's payBy; unpaid
     * by then, it goes back to stock. The same Idempotency-Key again is the same order.
     */
    @POST
    @Path("{id}/orders")
    @RolesAllowed("buyer")
    @APIResponse(responseCode = "201", description = "Ordered: the order, AWAITING_PAYMENT until payBy.",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "200", description = "The same Idempotency-Key again: the order it made.",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "409", description = "The sale has not started (`not-started`, with startsAt), or you "
            + "hold the sale's limit per buyer already (`limit-reached`, with perBuyerLimit).")
    @APIResponse(responseCode = "410", description = "Every unit is sold or reserved (`sold-out`); units whose "
            + "reservation lapses are sold again.")
    @APIResponse(responseCode = "503", description = "The last units are being claimed by others and one may come "
            + "free (`try-again`): retry with the same Idempotency-Key after retryAfterSeconds.")
    public Uni<Response> order(@PathParam("id") String id,
                               @HeaderParam("Idempotency-Key") @NotNull @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE)
                               String key) {
        return sales.order(id, caller.getPrincipal().getName(), key).map(ordered -> Response
                .status(ordered.created() ? Response.Status.CREATED : Response.Status.OK)
                .location(URI.create("/orders/" + ordered.order().id())).entity(OrderView.of(ordered.order())).build());
    }

    /** The sale's orders, oldest first, with their buyers and units. */
    @GET
    @Path("{id}/orders")
    @RolesAllowed("operator")
    public Uni<Page<SaleOrder>> orders(@PathParam("id") String id, @Valid @BeanParam PageRequest paging) {
        int offset = paging.offset();
        return sales.sale(id).chain(sale -> SaleRows.orderCount(pool, id)
                .chain(total -> SaleRows.orders(pool, id, offset, paging.size)
                        .map(orders -> new Page<>(orders, paging.page, paging.size, total))));
    }

}
