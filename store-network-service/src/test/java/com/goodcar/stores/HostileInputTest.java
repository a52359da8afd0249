package com.goodcar.stores;

import com.goodcar.kit.testing.HostileInputs;
import com.goodcar.kit.testing.RealStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every operation of the OpenAPI document against the hostile corpus: each input a clear 4xx problem, none a 2xx or 5xx. */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "stores"))
class HostileInputTest {

    @TestFactory
    Stream<DynamicTest> everyEndpointRefusesHostileInputWithAProblem() {
        return HostileInputs.fromOpenApi(Set.of()).tests();
    }
}
