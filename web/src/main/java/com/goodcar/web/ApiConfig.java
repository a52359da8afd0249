package com.goodcar.web;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Where each public API runs, by its prefix under /api/: one address, or several taken in turn (replicas). */
@ConfigMapping(prefix = "web.api")
public interface ApiConfig {

    List<URI> catalog();

    List<URI> auction();

    List<URI> deposit();

    List<URI> orders();

    List<URI> stores();

    Duration connectTimeout();

    default Map<String, List<URI>> services() {
        return Map.of("catalog", catalog(), "auction", auction(), "deposit", deposit(), "orders", orders(),
                "stores", stores());
    }
}
