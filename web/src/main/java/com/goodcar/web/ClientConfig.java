package com.goodcar.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code GET /config.json}: where the browser logs in; the same build runs in every environment. */
@ApplicationScoped
public class ClientConfig {

    private final String body;

    ClientConfig(@ConfigProperty(name = "web.oidc.url") String url, @ConfigProperty(name = "web.oidc.realm") String realm,
                 @ConfigProperty(name = "web.oidc.client-id") String clientId) {
        this.body = new JsonObject().put("oidc", new JsonObject().put("url", url).put("realm", realm)
                .put("clientId", clientId)).encode();
    }

    void install(@Observes Router router) {
        router.get("/config.json").handler(request -> request.response()
                .putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache").end(body));
    }
}
