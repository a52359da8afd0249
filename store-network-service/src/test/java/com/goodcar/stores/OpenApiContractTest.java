package com.goodcar.stores;

import com.goodcar.kit.testing.OpenApiContract;
import com.goodcar.kit.testing.RealStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is a contract a partner can generate a client from: see the kit's OpenApiContract. */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "stores"))
class OpenApiContractTest {

    @Test
    void everyOperationHasAnIdSecurityProblemAnswersAndExamples() {
        OpenApiContract.fromOpenApi().assertComplete();
    }
}
