package com.goodcar.stores;

import com.goodcar.kit.testing.PackageCycles;
import org.junit.jupiter.api.Test;

/** Adapters (REST, SQL, Kafka) point at the domain and features point one way: no package cycle. */
class NoPackageCyclesTest {

    @Test
    void featurePackagesDependOnEachOtherOneWayOnly() {
        PackageCycles.assertNone("com.goodcar.stores");
    }
}
