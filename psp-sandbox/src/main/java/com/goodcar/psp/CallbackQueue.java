package com.goodcar.psp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The callbacks the sandbox owes merchants, in its database so that a restart loses none. An
 * attempt claims a notification by pushing its next attempt past a lease: if the process dies
 * mid-delivery, the notification is due again when the lease runs out (at-least-once; the merchant
 * deduplicates).
 */
@ApplicationScoped
public class CallbackQueue {

    private final Pool pool;
    private final ObjectMapper json;

    CallbackQueue(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** A notification to attempt now; {@code attempt} counts from 1. */
    public record Due(long id, String merchantPaymentId, String notifyUrl, String body, int attempt) {
    }

    /** One attempt as sent and as answered; {@code status} is null when nothing answered. */
    public record Attempt(Instant sentAt, String url, Map<String, String> headers, Integer status, String error,
                          String answer, long tookMillis) {

        public boolean acknowledged() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** Queues the paid payment's callback on the caller's transaction; returns its id. */
    public Uni<Long> enqueue(SqlConnection connection, SandboxPayment paid, Instant now) {
        String body;
        try {
            body = json.writeValueAsString(paid.paidNotification());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return connection.preparedQuery("""
                        insert into psp_notification (provider_payment_id, merchant_payment_id, notify_url, body, state,
                                                      next_attempt_at, created_at)
                        values ($1, $2, $3, $4, 'PENDING', $5, $5) returning id""")
                .execute(Tuple.of(paid.providerPaymentId(), paid.merchantPaymentId(), paid.notifyUrl(), body,
                        SandboxPayments.utc(now)))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    /** Takes up to {@code limit} due notifications for one attempt each, leased until {@code now + lease}. */
    public Uni<List<Due>> claim(Instant now, Duration lease, int limit) {
        return pool.preparedQuery("""
                        update psp_notification n set attempts = n.attempts + 1, next_attempt_at = $2
                        from (select id from psp_notification where state = 'PENDING' and next_attempt_at <= $1
                              order by next_attempt_at limit $3 for update skip locked) due
                        where n.id = due.id
                        returning n.id, n.merchant_payment_id, n.notify_url, n.body, n.attempts""")
                .execute(Tuple.of(SandboxPayments.utc(now), SandboxPayments.utc(now.plus(lease)), limit))
                .map(rows -> {
                    var due = new ArrayList<Due>();
                    for (Row row : rows) {
                        due.add(new Due(row.getLong("id"), row.getString("merchant_payment_id"),
                                row.getString("notify_url"), row.getString("body"), row.getInteger("attempts")));
                    }
                    return due;
                });
    }

    /**
     * Records the attempt and what follows: acknowledged (done), another attempt at {@code retryAt},
     * or, with no {@code retryAt}, given up.
     */
    public Uni<Void> record(Due due, Attempt attempt, Instant retryAt, Instant now) {
        String state = attempt.acknowledged() ? "DELIVERED" : retryAt == null ? "GAVE_UP" : "PENDING";
        return pool.withTransaction(connection -> connection.preparedQuery("""
                                insert into psp_delivery (notification_id, attempt, sent_at, url, headers, status, error,
                                                          answer, took_ms)
                                values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                                on conflict do nothing""")
                        .execute(Tuple.from(Arrays.asList(due.id(), due.attempt(),
                                SandboxPayments.utc(attempt.sentAt()), attempt.url(),
                                new JsonObject(new LinkedHashMap<>(attempt.headers())), attempt.status(),
                                attempt.error(), attempt.answer(), (int) Math.min(attempt.tookMillis(), Integer.MAX_VALUE))))
                        // only the latest attempt decides: one whose lease ran out must not undo a later one
                        .chain(() -> connection.preparedQuery("""
                                        update psp_notification set state = $3, next_attempt_at = coalesce($4, next_attempt_at),
                                                                    finished_at = $5
                                        where id = $1 and attempts = $2 and state = 'PENDING'""")
                                .execute(Tuple.from(Arrays.asList(due.id(), due.attempt(), state,
                                        retryAt == null ? null : SandboxPayments.utc(retryAt),
                                        "PENDING".equals(state) ? null : SandboxPayments.utc(now))))))
                .replaceWithVoid();
    }

    /** Every notification of a payment with every attempt made so far, oldest first. */
    public Uni<List<NotificationView>> ofPayment(String merchantPaymentId) {
        return pool.preparedQuery("select * from psp_notification where merchant_payment_id = $1 order by id")
                .execute(Tuple.of(merchantPaymentId))
                .chain(notifications -> pool.preparedQuery("""
                                select d.* from psp_delivery d join psp_notification n on n.id = d.notification_id
                                where n.merchant_payment_id = $1 order by d.notification_id, d.attempt""")
                        .execute(Tuple.of(merchantPaymentId))
                        .map(deliveries -> {
                            var byNotification = new TreeMap<Long, List<DeliveryView>>();
                            var bodies = new TreeMap<Long, String>();
                            notifications.forEach(n -> bodies.put(n.getLong("id"), n.getString("body")));
                            for (Row d : deliveries) {
                                long id = d.getLong("notification_id");
                                byNotification.computeIfAbsent(id, ignored -> new ArrayList<>()).add(delivery(d, bodies.get(id)));
                            }
                            var views = new ArrayList<NotificationView>();
                            for (Row n : notifications) {
                                long id = n.getLong("id");
                                views.add(new NotificationView(id, n.getString("merchant_payment_id"),
                                        n.getString("provider_payment_id"), n.getString("notify_url"),
                                        n.getString("state"), n.getInteger("attempts"),
                                        "PENDING".equals(n.getString("state"))
                                                ? SandboxPayments.instant(n, "next_attempt_at") : null,
                                        SandboxPayments.instant(n, "created_at"),
                                        SandboxPayments.instant(n, "finished_at"), n.getString("body"),
                                        byNotification.getOrDefault(id, List.of())));
                            }
                            return views;
                        }));
    }

    private static DeliveryView delivery(Row row, String body) {
        var headers = new LinkedHashMap<String, String>();
        row.getJsonObject("headers").forEach(header -> headers.put(header.getKey(), String.valueOf(header.getValue())));
        return new DeliveryView(row.getInteger("attempt"), SandboxPayments.instant(row, "sent_at"), row.getString("url"),
                headers, body, row.getInteger("status"), row.getString("error"), row.getString("answer"),
                row.getInteger("took_ms"));
    }
}
