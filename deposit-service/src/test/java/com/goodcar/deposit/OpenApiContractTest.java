package com.goodcar.deposit;

import com.goodcar.kit.testing.OpenApiContract;
import com.goodcar.kit.testing.RealStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is a contract a partner can generate a client from: see the kit's OpenApiContract. */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "deposit"))
class OpenApiContractTest {

    /**
     * Not yet closed, may only shrink: examples for deposit's own bodies; and the PSP sandbox and the
     * payment callback, whose packages move into the psp-sandbox module (their security and examples
     * land with the move); /test-merchant is this module's test-only callback receiver.
     */
    static final Set<String> KNOWN_GAPS = Set.of(
            "POST /deposits: request body (application/json) has no example",
            "POST /deposits: 200 response (application/json) has no schema",
            "GET /deposits: 200 response (application/json) has no example",
            "GET /deposits/{id}: 200 response (application/json) has no example",
            "GET /ledger/buyers/{userId}: 200 response (application/json) has no example",
            "GET /ledger/check: 200 response (application/json) has no example",
            "GET /ledger/trial-balance: 200 response (application/json) has no example",
            "POST /payments/callbacks: no security requirement (a public operation says so: @PermitAll and an empty @SecurityRequirements)",
            "POST /payments/callbacks: request body (*/*) has no example",
            "POST /payments/callbacks: 200 response (application/json) has no example",
            "POST /psp-sandbox/pay/{providerPaymentId}: no security requirement (a public operation says so: @PermitAll and an empty @SecurityRequirements)",
            "POST /psp-sandbox/pay/{providerPaymentId}: 200 response (application/json) has no schema",
            "POST /psp-sandbox/pay/{providerPaymentId}: 200 response (text/html) has no example",
            "GET /psp-sandbox/pay/{providerPaymentId}: no security requirement (a public operation says so: @PermitAll and an empty @SecurityRequirements)",
            "GET /psp-sandbox/pay/{providerPaymentId}: 200 response (text/html) has no example",
            "GET /psp-sandbox/v1/notifications: no security requirement (a public operation says so: @PermitAll and an empty @SecurityRequirements)",
            "GET /psp-sandbox/v1/notifications: 200 response (application/json) has no example",
            "POST /psp-sandbox/v1/payments: no security requirement (a public operation says so: @PermitAll and an empty @SecurityRequirements)",
            "POST /psp-sandbox/v1/payments: request body (application/json) has no example",
            "POST /psp-sandbox/v1/payments: 200 response (application/json) has no schema",
            "GET /psp-sandbox/v1/payments/{merchantPaymentId}: no security requirement (a public operation says so: @PermitAll and an empty @SecurityRequirements)",
            "GET /psp-sandbox/v1/payments/{merchantPaymentId}: 200 response (application/json) has no example",
            "POST /psp-sandbox/v1/payments/{merchantPaymentId}/close: no security requirement (a public operation says so: @PermitAll and an empty @SecurityRequirements)",
            "POST /psp-sandbox/v1/payments/{merchantPaymentId}/close: 200 response (application/json) has no example",
            "POST /psp-sandbox/v1/payments/{merchantPaymentId}/notifications: no security requirement (a public operation says so: @PermitAll and an empty @SecurityRequirements)",
            "POST /psp-sandbox/v1/payments/{merchantPaymentId}/notifications: 200 response (application/json) has no schema",
            "POST /psp-sandbox/v1/refunds: no security requirement (a public operation says so: @PermitAll and an empty @SecurityRequirements)",
            "POST /psp-sandbox/v1/refunds: request body (application/json) has no example",
            "POST /psp-sandbox/v1/refunds: 200 response (application/json) has no schema",
            "GET /psp-sandbox/v1/refunds: no security requirement (a public operation says so: @PermitAll and an empty @SecurityRequirements)",
            "GET /psp-sandbox/v1/refunds: 200 response (application/json) has no example",
            "GET /refunds: 200 response (application/json) has no example",
            "POST /refunds/{id}/retry: 200 response (application/json) has no example",
            "POST /test-merchant/{mailbox}/callbacks: no security requirement (a public operation says so: @PermitAll and an empty @SecurityRequirements)",
            "POST /test-merchant/{mailbox}/callbacks: request body (*/*) has no example",
            "POST /test-merchant/{mailbox}/callbacks: 200 response (application/json) has no example");

    @Test
    void everyOperationHasAnIdSecurityProblemAnswersAndExamples() {
        OpenApiContract.fromOpenApi().assertComplete(KNOWN_GAPS);
    }
}
