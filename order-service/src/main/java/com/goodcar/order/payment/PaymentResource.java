package com.goodcar.order.payment;

import com.goodcar.order.order.OrderAccess;
import com.goodcar.order.order.OrderRows;
import com.goodcar.order.order.OrderState;
import com.goodcar.order.order.OrderView;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A buyer pays or cancels their order, and sees its payments and refunds. */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    private final OrderPayments payments;
    private final Cancellations cancellations;
    private final Pool pool;
    private final SecurityIdentity caller;

    PaymentResource(OrderPayments payments, Cancellations cancellations, Pool pool, SecurityIdentity caller) {
        this.payments = payments;
        this.cancellations = cancellations;
        this.pool = pool;
        this.caller = caller;
    }

    /** Where to pay: the provider's pay page for the amount due (null, with state PAID, when the deposit covered it). */
    @Schema(examples = """
            {"orderId": "ord-3f1c9e2a-7b4d-4e8f-a6c5-1d2b3e4f5a60", "state": "AWAITING_PAYMENT", "paymentId": "opay-5e2d8c1a-9b4f-4a7e-8c3d-2f1e0a9b8c7d", "amountFen": 7819329900, "payUrl": "http://127.0.0.1:8086/psp-sandbox/pay/sbxpay_4f9a1c7e2b8d3f6a0e5c9b1d7a3f2e84", "payBy": "2026-10-22T07:10:00Z"}
            """)
    public record PayAt(String orderId, OrderState state, String paymentId, long amountFen, String payUrl,
                        Instant payBy) {
    }

    /** A payment of the order and, if it was given back, its refund (PENDING, REQUESTED, SUCCEEDED or FAILED). */
    @Schema(examples = """
            {"id": "opay-5e2d8c1a-9b4f-4a7e-8c3d-2f1e0a9b8c7d", "amountFen": 7819329900, "state": "PAID", "paidAt": "2026-10-22T07:09:58Z", "createdAt": "2026-10-22T06:41:02Z", "refundState": "SUCCEEDED", "refundReason": "CANCELLED_AFTER_PAYMENT"}
            """)
    public record PaymentView(String id, long amountFen, String state, Instant paidAt, Instant createdAt,
                              String refundState, String refundReason) {
        static PaymentView of(PaymentRows.Payment p) {
            return new PaymentView(p.id(), p.amountFen(), p.state(), p.paidAt(), p.createdAt(), p.refundState(),
                    p.refundReason());
        }
    }

    /**
     * Pays a confirmed order (or a flash sale's reserved one): the provider's pay page for the amount
     * due. Asking again gives the same payment until it is paid.
     */
    @POST
    @Path("{id}/pay")
    @RolesAllowed("buyer")
    @APIResponse(responseCode = "200", description = "The payment to make, or PAID when the deposit covered it all.",
            content = @Content(schema = @Schema(implementation = PayAt.class)))
    @APIResponse(responseCode = "409", description = "The order awaits no payment (`not-awaiting-payment`: to be "
            + "confirmed first, or paid, expired, cancelled), or its payment deadline has passed (`deadline-passed`).")
    @APIResponse(responseCode = "503", description = "The payment provider did not answer (`provider-unavailable`); retry.")
    public Uni<PayAt> pay(@PathParam("id") String id) {
        return payments.open(id, caller).map(opened -> new PayAt(opened.order().id(), opened.order().state(),
                opened.paymentId(), opened.amountFen(), opened.payUrl(), opened.order().payBy()));
    }

    /**
     * Cancels the order. Before payment an auction win's deposit is lost (a sale's unit goes back);
     * after payment everything paid is refunded in full and an auction win's deposit is lost.
     * Cancelling again gives the same answer.
     */
    @POST
    @Path("{id}/cancel")
    @RolesAllowed("buyer")
    @APIResponse(responseCode = "200", description = "Cancelled.",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "409", description = "The order can no longer be cancelled here (`not-cancellable`: "
            + "handed to delivery, delivered or expired).")
    public Uni<OrderView> cancel(@PathParam("id") String id) {
        return cancellations.cancel(id, caller).map(OrderView::of);
    }

    /**
     * The runner-up turns down the car offered to them (a second chance): their deposit is released,
     * never forfeited. Accepting is confirming ({@code POST /orders/{id}/confirm}).
     */
    @POST
    @Path("{id}/decline")
    @RolesAllowed("buyer")
    @APIResponse(responseCode = "200", description = "Declined; declining again gives the same answer.",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "409", description = "Not a second-chance offer awaiting an answer (`not-an-open-offer`).")
    public Uni<OrderView> decline(@PathParam("id") String id) {
        return cancellations.decline(id, caller).map(OrderView::of);
    }

    /** The order's payments and refunds, oldest first. */
    @GET
    @Path("{id}/payments")
    @RolesAllowed({"buyer", "operator"})
    public Uni<List<PaymentView>> ofOrder(@PathParam("id") String id) {
        return OrderRows.find(pool, id, false)
                .invoke(found -> OrderAccess.visible(found.orElse(null), id, caller))
                .chain(() -> PaymentRows.ofOrder(pool, id))
                .map(list -> list.stream().map(PaymentView::of).toList());
    }
}
