package com.goodcar.psp;

import com.goodcar.kit.testing.OpenApiContract;
import com.goodcar.kit.testing.RealStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is a contract a merchant can generate a client from: see the kit's OpenApiContract. */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "psp"))
class OpenApiContractTest {

    /** Not yet closed, may only shrink. */
    static final Set<String> KNOWN_GAPS = Set.of();

    @Test
    void everyOperationHasAnIdSecurityProblemAnswersAndExamples() {
        OpenApiContract.fromOpenApi().assertComplete(KNOWN_GAPS);
    }
}
