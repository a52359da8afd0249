package com.goodcar.order.sale;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * How this replica hears that a unit came back, whichever replica's transaction returned it:
 * PostgreSQL delivers a NOTIFY only after its transaction commits, to every session that LISTENs.
 * One connection of its own listens; while it is down nothing is remembered as sold out (each click
 * asks the database), and when it is back what was remembered before is forgotten, as it may have
 * missed a return.
 */
@ApplicationScoped
public class StockSignals {

    private static final Logger LOG = Logger.getLogger(StockSignals.class);

    private final Vertx vertx;
    private final SoldOutMarks marks;
    private final String url;
    private final String user;
    private final String password;
    private PgSubscriber subscriber;
    private boolean stopped;

    StockSignals(Vertx vertx, SoldOutMarks marks,
                 @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                 @ConfigProperty(name = "quarkus.datasource.username") String user,
                 @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.marks = marks;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The one memory of sold-out sales of this replica. */
    @Produces
    @Singleton
    static SoldOutMarks marks(Clock clock,
                              @ConfigProperty(name = "order.sale.sold-out-recheck") Duration recheckAfter) {
        return new SoldOutMarks(clock, recheckAfter);
    }

    void start(@Observes StartupEvent start) {
        listen();
    }

    /**
     * A subscriber per connection: when it is lost, its channel ends (nothing may be remembered from
     * then on) and a new one connects a second later. The subscriber's own reconnecting would hide
     * the gap in which notifications were lost.
     */
    private synchronized void listen() {
        if (stopped) {
            return;
        }
        var options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(user).setPassword(password);
        var current = PgSubscriber.subscriber(vertx, options);
        subscriber = current;
        current.channel(SaleRows.STOCK_CHANNEL)
                .subscribeHandler(listening -> {
                    marks.listening();
                    LOG.debug("sale stock: listening for returned units");
                })
                .endHandler(end -> {
                    marks.deaf();
                    LOG.warn("sale stock: no longer hearing returned units; every click asks the database until "
                            + "the connection is back");
                })
                .handler(marks::returned);
        var retried = new java.util.concurrent.atomic.AtomicBoolean(); // one next subscriber per subscriber
        Runnable again = () -> {
            if (retried.compareAndSet(false, true)) {
                again();
            }
        };
        current.closeHandler(closed -> again.run());
        current.connect().onFailure(e -> {
            LOG.warnf("sale stock: cannot listen (%s); trying again in a second", e.toString());
            current.close();
            again.run();
        });
    }

    private void again() {
        marks.deaf();
        if (!stopped) {
            vertx.setTimer(1_000, t -> listen());
        }
    }

    synchronized void stop(@Observes ShutdownEvent stop) {
        stopped = true;
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
