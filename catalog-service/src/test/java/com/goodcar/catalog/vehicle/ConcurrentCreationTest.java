package com.goodcar.catalog.vehicle;

import static com.goodcar.catalog.Operators.as;
import static com.goodcar.catalog.Operators.createModel;
import static com.goodcar.catalog.Operators.specification;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Operators creating the same model or edition code at the same moment: one 201, the others 409, never a 500. */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class ConcurrentCreationTest {

    @Test
    void theSameModelCodeCreatedConcurrentlyGivesOneModelAndConflicts() {
        String code = "RACE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var statuses = concurrently(() -> as("olga").body(Map.of("code", code, "specification",
                specification("Race " + code, 500))).post("/models").statusCode());
        assertEquals(Map.of(201, 1L, 409, 11L), statuses);
    }

    @Test
    void theSameEditionCodeListedConcurrentlyGivesOneEditionAndConflicts() {
        String model = "RACEM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        createModel(model, 500);
        String edition = model + "-E";
        var statuses = concurrently(() -> as("olga").body(Map.of("code", edition, "name", "Edition",
                "description", "Raced", "listPriceFen", 10_990_000L)).post("/models/" + model + "/editions").statusCode());
        assertEquals(Map.of(201, 1L, 409, 11L), statuses);
    }

    private static Map<Integer, Long> concurrently(Supplier<Integer> call) {
        Tokens.of("olga");
        try (var pool = Executors.newFixedThreadPool(12)) {
            List<CompletableFuture<Integer>> calls = IntStream.range(0, 12)
                    .mapToObj(i -> CompletableFuture.supplyAsync(call, pool)).toList();
            return calls.stream().map(CompletableFuture::join)
                    .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        }
    }
}
