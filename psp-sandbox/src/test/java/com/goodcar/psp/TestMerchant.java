package com.goodcar.psp;

import com.goodcar.kit.payment.CallbackSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A merchant's notify URL for tests, one mailbox per test: records every callback it receives and
 * can be told to fail the next deliveries, as a merchant that is down would.
 */
@Path("/test-merchant/{mailbox}/callbacks")
public class TestMerchant {

    private final Mailboxes mailboxes;

    TestMerchant(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    public record Received(Instant at, String timestamp, String nonce, String signature, String notificationId,
                           String body) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true) // a test fixture, no part of the sandbox's API
    public Response receive(@PathParam("mailbox") String mailbox,
                            @HeaderParam(CallbackSignature.TIMESTAMP) String timestamp,
                            @HeaderParam(CallbackSignature.NONCE) String nonce,
                            @HeaderParam(CallbackSignature.SIGNATURE) String signature,
                            @HeaderParam("X-Psp-Notification-Id") String notificationId,
                            String body) {
        mailboxes.received(mailbox).add(new Received(Instant.now(), timestamp, nonce, signature, notificationId, body));
        if (mailboxes.failures(mailbox).getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            return Response.status(503).entity("down for a test").build();
        }
        return Response.ok("success").build();
    }

    @ApplicationScoped
    public static class Mailboxes {

        private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

        public List<Received> received(String mailbox) {
            return received.computeIfAbsent(mailbox, ignored -> new CopyOnWriteArrayList<>());
        }

        /** The next {@code deliveries} callbacks to this mailbox are answered 503. */
        public void failNext(String mailbox, int deliveries) {
            failures(mailbox).set(deliveries);
        }

        AtomicInteger failures(String mailbox) {
            return failures.computeIfAbsent(mailbox, ignored -> new AtomicInteger());
        }
    }
}
