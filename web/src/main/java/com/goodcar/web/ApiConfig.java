package com.goodcar.web;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Where each public API runs, by its prefix under /api/. */
@ConfigMapping(prefix = "web.api")
public interface ApiConfig {

    URI catalog();

    URI auction();

    URI deposit();

    URI orders();

    URI stores();

    Duration connectTimeout();

    default Map<String, URI> services() {
        return Map.of("catalog", catalog(), "auction", auction(), "deposit", deposit(), "orders", orders(),
                "stores", stores());
    }
}
