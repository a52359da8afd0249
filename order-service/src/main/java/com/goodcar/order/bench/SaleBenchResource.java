package com.goodcar.order.bench;

import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import com.goodcar.order.order.Order;
import com.goodcar.order.order.OrderRows;
import com.goodcar.order.order.OrderView;
import com.goodcar.order.sale.SaleResource;
import com.goodcar.order.sale.Sales;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * What {@code ./platform bench sale} compares the flash sale with, behind the same authentication
 * and header validation as POST /sales/{id}/orders: a no-op (the HTTP ceiling) and the naive design,
 * one transaction per click on one stock counter ({@code update … set stock = stock - 1 where stock > 0},
 * then the order row). Off unless ORDER_SALE_BENCH_ENDPOINTS=true: never in production.
 */
@Path("/bench")
@Produces(MediaType.APPLICATION_JSON)
public class SaleBenchResource {

    private final Sales sales;
    private final Pool pool;
    private final SecurityIdentity caller;
    private final Clock clock;
    private final boolean enabled;

    SaleBenchResource(Sales sales, Pool pool, SecurityIdentity caller, Clock clock,
                      @ConfigProperty(name = "order.sale.bench-endpoints.enabled") boolean enabled) {
        this.sales = sales;
        this.pool = pool;
        this.caller = caller;
        this.clock = clock;
        this.enabled = enabled;
    }

    @POST
    @Path("/noop/sales/{id}/orders")
    @RolesAllowed("buyer")
    @Operation(summary = "Benchmark only: authenticates and validates like an order, then answers a made-up one")
    @APIResponse(responseCode = "201", description = "A made-up order.",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Uni<Response> noop(@PathParam("id") String saleId,
                         @HeaderParam("Idempotency-Key") @NotNull @Pattern(regexp = SaleResource.KEY_PATTERN,
                                 message = SaleResource.KEY_MESSAGE) String key) {
        requireEnabled();
        Instant now = clock.instant();
        var order = Order.reserved("ord-noop", saleId, caller.getPrincipal().getName(), 11_990_000, now,
                java.time.Duration.ofMinutes(15));
        return Uni.createFrom().item(Response.status(201).entity(OrderView.of(order)).build());
    }

    @PUT
    @Path("/naive/sales/{id}/stock")
    @RolesAllowed("operator")
    @Operation(summary = "Benchmark only: gives a sale a naive stock counter of its units")
    @APIResponse(responseCode = "204", description = "The counter is set to the sale's units.")
    public Uni<Response> naiveStock(@PathParam("id") String saleId) {
        requireEnabled();
        return sales.sale(saleId).chain(sale -> pool.preparedQuery("""
                        insert into sale_naive_stock (sale_id, stock) values ($1, $2)
                        on conflict (sale_id) do update set stock = excluded.stock""")
                .execute(Tuple.of(saleId, sale.units()))).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/naive/sales/{id}/orders")
    @RolesAllowed("buyer")
    @Operation(summary = "Benchmark only: an order in one transaction on one stock counter (the design the unit rows replace)")
    @APIResponse(responseCode = "201", description = "Ordered, as POST /sales/{id}/orders.",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "409", description = "The sale has not started (`not-started`).")
    @APIResponse(responseCode = "410", description = "The counter is at 0 (`sold-out`).")
    public Uni<Response> naive(@PathParam("id") String saleId,
                               @HeaderParam("Idempotency-Key") @NotNull @Pattern(regexp = SaleResource.KEY_PATTERN,
                                       message = SaleResource.KEY_MESSAGE) String key) {
        requireEnabled();
        String buyer = caller.getPrincipal().getName();
        return sales.sale(saleId).chain(sale -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            if (now.isBefore(sale.startsAt())) {
                throw new ProblemException(Problem.of(409, "not-started", "Not started", "Not started."));
            }
            return pool.withTransaction(connection -> connection.preparedQuery(
                            "update sale_naive_stock set stock = stock - 1 where sale_id = $1 and stock > 0")
                    .execute(Tuple.of(saleId)).chain(updated -> {
                        if (updated.rowCount() == 0) {
                            throw new ProblemException(Problem.of(410, "sold-out", "Sold out", "Sold out."));
                        }
                        Order order = Order.reserved("ord-" + UUID.randomUUID(), saleId, buyer, sale.priceFen(), now,
                                sale.payWithin());
                        return OrderRows.insertSale(connection, order).replaceWith(order);
                    }));
        }).map(order -> Response.status(201).entity(OrderView.of(order)).build());
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new ProblemException(Problem.of(404, "not-found", "Not found",
                    "Benchmark endpoints are off (ORDER_SALE_BENCH_ENDPOINTS=true turns them on)."));
        }
    }
}
