package com.goodcar.deposit;

import com.goodcar.kit.testing.HostileInputs;
import com.goodcar.kit.testing.RealStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every operation of the OpenAPI document against the hostile corpus: each input a clear 4xx problem, none a 2xx or 5xx. */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "deposit"))
class HostileInputTest {

    @ConfigProperty(name = "deposit.psp.merchant-key")
    String merchantKey;

    @TestFactory
    Stream<DynamicTest> everyEndpointRefusesHostileInputWithAProblem() {
        // the PSP sandbox's merchant API takes the merchant key, not a token; callbacks are signed (CallbackTest)
        return HostileInputs.fromOpenApi(Set.of("POST /payments/callbacks"))
                .withHeaders(Map.of("X-Merchant-Key", merchantKey)).tests();
    }
}
