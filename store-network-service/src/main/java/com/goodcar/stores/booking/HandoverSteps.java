package com.goodcar.stores.booking;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Instant;

/**
 * What a handover booking's steps mean for its paid car (implemented by the handover feature): they
 * are announced as handover events, never as plain booking events, in the step's transaction.
 */
public interface HandoverSteps {

    Uni<Void> rescheduled(SqlConnection connection, Booking booking, Instant now);

    Uni<Void> done(SqlConnection connection, Booking booking, Instant now);

    Uni<Void> cancelled(SqlConnection connection, Booking booking, Instant now);
}
