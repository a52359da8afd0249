package com.goodcar.stores.aftersales;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/** Cases nobody answered in time, counted in {@code goodcar.store.cases.overdue}: never silent. */
@ApplicationScoped
public class OverdueCases {

    private static final Logger LOG = Logger.getLogger(OverdueCases.class);

    private final Pool pool;
    private final Clock clock;
    private final AtomicLong counted = new AtomicLong();

    OverdueCases(Pool pool, Clock clock, MeterRegistry meters) {
        this.pool = pool;
        this.clock = clock;
        Gauge.builder("goodcar.store.cases.overdue", counted, AtomicLong::get)
                .description("after-sales cases past their response deadline without an answer")
                .register(meters);
    }

    @Scheduled(identity = "overdue-cases", every = "${stores.cases.count-every:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> count() {
        return CaseRows.countOverdue(pool, clock.instant()).invoke(n -> {
            if (n > counted.get()) {
                LOG.warnf("%d after-sales case(s) overdue: GET /cases/overdue lists them", n);
            }
            counted.set(n);
        }).replaceWithVoid();
    }
}
