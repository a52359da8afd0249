package com.goodcar.stores.site;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Writes the generated network (3,000 stores, 40,000 outlets) into an empty local database before
 * the service reports ready, once: its marker row commits with the sites. Their API views follow
 * ({@link SiteViews}, next in the start-up order).
 */
@ApplicationScoped
public class NetworkSeed {

    private static final Logger LOG = Logger.getLogger(NetworkSeed.class);
    private static final String NAME = "generated-v1";
    private static final long SEED = 20_241_111L;
    private static final int CHUNK = 2_000;

    private final Pool pool;
    private final Clock clock;
    private final boolean enabled;
    private final int stores;
    private final int outlets;

    NetworkSeed(Pool pool, Clock clock, @ConfigProperty(name = "stores.seed.enabled") boolean enabled,
                @ConfigProperty(name = "stores.seed.stores") int stores,
                @ConfigProperty(name = "stores.seed.outlets") int outlets) {
        this.pool = pool;
        this.clock = clock;
        this.enabled = enabled;
        this.stores = stores;
        this.outlets = outlets;
    }

    void onStart(@Observes @Priority(10) StartupEvent start) {
        if (enabled) {
            seed().await().atMost(Duration.ofMinutes(5));
            // fresh statistics, or the planner may sort the whole network instead of walking the index
            pool.query("analyze site, site_service").execute().await().atMost(Duration.ofMinutes(1));
        }
    }

    Uni<Void> seed() {
        long began = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        GeneratedNetwork network = GeneratedNetwork.ofChineseCities();
        List<Site> sites = network.sites(stores, outlets, SEED);
        return pool.withTransaction(connection -> connection
                .preparedQuery("insert into network_seed (name, sites, seeded_at) values ($1, $2, $3) on conflict do nothing")
                .execute(Tuple.of(NAME, sites.size(), SiteRows.utc(now)))
                .chain(marked -> {
                    if (marked.rowCount() == 0) {
                        LOG.infof("network: the generated network is in place already (%s)", NAME);
                        return Uni.createFrom().voidItem();
                    }
                    LOG.infof("network: writing the generated network: %d stores and %d outlets around %d cities",
                            stores, outlets, network.cities().size());
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (int from = 0; from < sites.size(); from += CHUNK) {
                        List<Site> chunk = sites.subList(from, Math.min(sites.size(), from + CHUNK));
                        chain = chain.chain(() -> SiteRows.upsert(connection, chunk, now));
                    }
                    return chain.invoke(() -> LOG.infof("network: %d sites written in %d ms", sites.size(),
                            (System.nanoTime() - began) / 1_000_000));
                }));
    }
}
