package com.goodcar.kit.idempotency;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Serialises the creations that carry the same Idempotency-Key from the same caller: taken first
 * in the creating transaction, it makes a concurrent twin wait until the first commits, and then
 * find what the first created, as a retry would, instead of failing on a unique index with a 500.
 * A PostgreSQL advisory lock held until the transaction ends; different keys never wait.
 */
public final class IdempotencyLock {

    /** For Hibernate's native queries: one positional parameter, the {@link #lockName}. */
    public static final String NATIVE_SQL = "select cast(pg_advisory_xact_lock(hashtextextended(?1, 0)) as text)";
    private static final String SQL = "select pg_advisory_xact_lock(hashtextextended($1, 0))";

    private IdempotencyLock() {
    }

    /** @param scope what is created, e.g. "deposit"; {@code owner} the caller; {@code key} their Idempotency-Key */
    public static String lockName(String scope, String owner, String key) {
        return scope + "\n" + owner + "\n" + key;
    }

    public static Uni<Void> take(SqlConnection transaction, String scope, String owner, String key) {
        return transaction.preparedQuery(SQL).execute(Tuple.of(lockName(scope, owner, key))).replaceWithVoid();
    }
}
