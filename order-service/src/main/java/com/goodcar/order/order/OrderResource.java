package com.goodcar.order.order;

import com.goodcar.kit.paging.Page;
import com.goodcar.kit.paging.PageRequest;
import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A buyer's orders: list, read, confirm; an operator's: stuck, handed over, delivered. Nobody sees or
 * changes another buyer's order (404, as if none).
 */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private final Pool pool;
    private final SecurityIdentity caller;
    private final Clock clock;
    private final Duration payWithin;
    private final StuckOrders stuck;
    private final Delivery delivery;

    OrderResource(Pool pool, SecurityIdentity caller, Clock clock,
                  @ConfigProperty(name = "order.win.pay-within") Duration payWithin, StuckOrders stuck,
                  Delivery delivery) {
        this.delivery = delivery;
        this.pool = pool;
        this.caller = caller;
        this.clock = clock;
        this.payWithin = payWithin;
        this.stuck = stuck;
    }

    /** Orders that should have moved on and did not, oldest first (at most 1,000). */
    @GET
    @Path("stuck")
    @RolesAllowed("operator")
    public Uni<java.util.List<StuckOrders.Stuck>> stuck() {
        return stuck.list();
    }

    /** Your orders, newest first. */
    @GET
    @RolesAllowed("buyer")
    public Uni<Page<OrderView>> mine(@Valid @BeanParam PageRequest paging) {
        int offset = paging.offset();
        String buyer = caller.getPrincipal().getName();
        return OrderRows.countOfBuyer(pool, buyer).chain(total -> OrderRows.ofBuyer(pool, buyer, offset, paging.size)
                .map(orders -> new Page<>(orders.stream().map(OrderView::of).toList(), paging.page, paging.size, total)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"buyer", "operator"})
    public Uni<OrderView> get(@PathParam("id") String id) {
        return OrderRows.find(pool, id, false).map(found -> OrderView.of(OrderAccess.visible(found.orElse(null), id,
                caller)));
    }

    /** Confirms an auction win: the payment window (30 minutes by default) opens now. */
    @POST
    @Path("{id}/confirm")
    @RolesAllowed("buyer")
    @APIResponse(responseCode = "200", description = "Confirmed: the order awaits payment until payBy.",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "409", description = "The order awaits no confirmation (`not-awaiting-confirmation`), "
            + "or its confirmation deadline has passed (`deadline-passed`).")
    public Uni<OrderView> confirm(@PathParam("id") String id) {
        return pool.withTransaction(connection -> OrderRows.find(connection, id, true).chain(found -> {
            Order order = OrderAccess.owned(found.orElse(null), id, caller);
            if (order.state() == OrderState.AWAITING_PAYMENT) {
                return Uni.createFrom().item(order); // confirmed already: a retry gets the same answer
            }
            Order confirmed = permitted(() -> order.confirmed(clock.instant().truncatedTo(ChronoUnit.MICROS),
                    payWithin));
            return OrderRows.update(connection, confirmed, order.state()).replaceWith(confirmed);
        })).map(OrderView::of);
    }

    /** The paid car goes to delivery (until store-network-service reports it, an operator says so). */
    @POST
    @Path("{id}/handed-over")
    @RolesAllowed("operator")
    @APIResponse(responseCode = "200", description = "Handed to delivery; saying it again gives the same answer.",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "409", description = "The order is not paid (`not-paid`).")
    public Uni<OrderView> handedOver(@PathParam("id") String id) {
        return delivery.handedOver(id).map(OrderView::of);
    }

    /** The buyer has the car: {@code order.delivered.v1}. */
    @POST
    @Path("{id}/delivered")
    @RolesAllowed("operator")
    @APIResponse(responseCode = "200", description = "Delivered; saying it again gives the same answer.",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "409", description = "The order has not been handed to delivery (`not-handed-over`).")
    public Uni<OrderView> delivered(@PathParam("id") String id) {
        return delivery.delivered(id).map(OrderView::of);
    }

    /** The order a transition makes, or the 409 problem that says why the order refuses it. */
    public static Order permitted(java.util.function.Supplier<Order> transition) {
        try {
            return transition.get();
        } catch (Order.Refused refused) {
            throw refusal(refused);
        }
    }

    static ProblemException refusal(Order.Refused refused) {
        Order order = refused.order;
        String is = "Order " + order.id() + " is " + order.state() + ".";
        return switch (refused.reason) {
            case NOT_AWAITING_CONFIRMATION -> new ProblemException(Problem.of(409, "not-awaiting-confirmation",
                    "Not awaiting confirmation", is));
            case NOT_AWAITING_PAYMENT -> new ProblemException(Problem.of(409, "not-awaiting-payment",
                    "Not awaiting payment", is));
            case NOT_CANCELLABLE -> new ProblemException(Problem.of(409, "not-cancellable", "Cannot be cancelled",
                    is + " Only an order not yet handed to delivery can be cancelled."));
            case NOT_PAID -> new ProblemException(Problem.of(409, "not-paid", "Not paid", is));
            case NOT_HANDED_OVER -> new ProblemException(Problem.of(409, "not-handed-over", "Not handed over", is));
            case NOT_AN_OPEN_OFFER -> new ProblemException(Problem.of(409, "not-an-open-offer", "Not an open offer",
                    is + " Only a second-chance offer not yet accepted can be declined."));
            case DEADLINE_PASSED -> order.state() == OrderState.AWAITING_CONFIRMATION
                    ? new ProblemException(Problem.of(409, "deadline-passed", "Deadline passed",
                            "Order " + order.id() + " had to be confirmed by " + order.confirmBy() + ".")
                            .with("confirmBy", order.confirmBy().toString()))
                    : new ProblemException(Problem.of(409, "deadline-passed", "Deadline passed",
                            "Order " + order.id() + " had to be paid by " + order.payBy() + ".")
                            .with("payBy", order.payBy().toString()));
        };
    }
}
