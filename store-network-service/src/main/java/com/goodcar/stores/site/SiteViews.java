package com.goodcar.stores.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps {@code site.view}, each site's API JSON, equal to what its columns say: rewritten by every
 * writer of a site in its transaction, from the same {@link SiteView} the API would encode.
 */
@ApplicationScoped
public class SiteViews {

    private static final Logger LOG = Logger.getLogger(SiteViews.class);

    private final ObjectMapper json;
    private final Pool pool;

    SiteViews(ObjectMapper json, Pool pool) {
        this.json = json;
        this.pool = pool;
    }

    /** Rewrites the views of these sites from their rows. */
    public Uni<Void> refresh(SqlClient connection, List<String> ids) {
        return connection.preparedQuery("select " + SiteRows.COLUMNS + " from site s where s.id = any($1)")
                .execute(Tuple.of((Object) ids.toArray(String[]::new)))
                .chain(rows -> {
                    var views = new ArrayList<String>();
                    var found = new ArrayList<String>();
                    rows.forEach(row -> {
                        Site site = SiteRows.site(row);
                        found.add(site.id());
                        views.add(encode(SiteView.of(site)));
                    });
                    return connection.preparedQuery("""
                                    update site set view = u.view::json
                                      from unnest($1::text[], $2::text[]) as u(id, view) where site.id = u.id""")
                            .execute(Tuple.of(found.toArray(String[]::new), views.toArray(String[]::new)));
                })
                .replaceWithVoid();
    }

    /** Sites written before views existed get theirs before the service reports ready (after the seed). */
    void onStart(@Observes @Priority(20) StartupEvent start) {
        long done = 0;
        while (true) {
            List<String> ids = pool.query("select id from site where view is null limit 2000").execute()
                    .map(rows -> {
                        var batch = new ArrayList<String>();
                        rows.forEach(row -> batch.add(row.getString(0)));
                        return batch;
                    }).await().atMost(Duration.ofMinutes(1));
            if (ids.isEmpty()) {
                break;
            }
            pool.withTransaction(connection -> refresh(connection, ids)).await().atMost(Duration.ofMinutes(1));
            done += ids.size();
        }
        if (done > 0) {
            LOG.infof("network: %d site views written", done);
        }
    }

    private String encode(SiteView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("site " + view.id() + " cannot be encoded", e);
        }
    }
}
