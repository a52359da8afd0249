package com.goodcar.catalog.vehicle;

import com.goodcar.kit.idempotency.IdempotencyLock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Serialises the creations of one natural key (a model or edition code) within the current
 * transaction: a concurrent twin finds the first one's row and is told it exists (409), instead
 * of failing on the primary key with a 500.
 */
final class CodeLock {

    private CodeLock() {
    }

    static Uni<Void> take(String kind, String code) {
        return Panache.getSession().chain(session -> session.createNativeQuery(IdempotencyLock.NATIVE_SQL)
                .setParameter(1, IdempotencyLock.lockName(kind, "catalog", code)).getSingleResult()).replaceWithVoid();
    }
}
