package com.goodcar.web;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * {@code /api/{service}/...} → that service (its replicas in turn), without the prefix: the routing the Kubernetes Ingress
 * does, here for the local platform and the tests. Bodies (a live SSE stream too) are streamed, not
 * buffered; a service that does not answer gives a problem+json 502, never an HTML error page.
 */
@ApplicationScoped
public class ApiRoutes {

    private static final Logger LOG = Logger.getLogger(ApiRoutes.class);

    private final ApiConfig config;
    private final Vertx vertx;

    ApiRoutes(ApiConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    void install(@Observes Router router) {
        Map<String, List<URI>> services = new TreeMap<>(config.services());
        services.forEach((name, origins) -> {
            String prefix = "/api/" + name;
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setConnectTimeout((int) config.connectTimeout().toMillis())
                    .setKeepAlive(true)
                    .setMaxPoolSize(64));
            List<SocketAddress> addresses = origins.stream()
                    .map(origin -> SocketAddress.inetSocketAddress(port(origin), origin.getHost())).toList();
            var turn = new AtomicInteger();
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .originSelector(request -> Future.succeededFuture(
                            addresses.get(Math.floorMod(turn.getAndIncrement(), addresses.size()))))
                    .addInterceptor(new WithoutPrefix(prefix));
            ProxyHandler handler = ProxyHandler.create(proxy);
            router.route(prefix + "/*").handler(handler);
            router.route(prefix).handler(handler);
        });
        router.route("/api/*").order(Integer.MAX_VALUE).handler(request -> request.response().setStatusCode(404)
                .putHeader("Content-Type", "application/problem+json")
                .end(problem(404, "no-such-api", "No such API",
                        "Known: " + services.keySet().stream().map(name -> "/api/" + name + "/").toList(),
                        request.normalizedPath())));
    }

    void announce(@Observes StartupEvent started) {
        config.services().forEach((name, origins) -> LOG.infof("/api/%s/ → %s", name, origins));
    }

    private static int port(URI base) {
        return base.getPort() > 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
    }

    static String problem(int status, String type, String title, String detail, String instance) {
        return new JsonObject().put("type", "https://goodcar.example/problems/" + type).put("title", title)
                .put("status", status).put("detail", detail).put("instance", instance).encode();
    }

    /** The service sees its own paths: {@code /api/auction/auctions/x} → {@code /auctions/x}. */
    private record WithoutPrefix(String prefix) implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            var request = context.request();
            String rest = request.getURI().substring(prefix.length());
            request.setURI(rest.isEmpty() || rest.charAt(0) != '/' ? "/" + rest : rest);
            return context.sendRequest().recover(failure -> {
                LOG.warnf("%s: %s", prefix, failure.getMessage());
                ProxyResponse response = context.request().response().setStatusCode(502)
                        .putHeader("Content-Type", "application/problem+json");
                response.setBody(io.vertx.httpproxy.Body.body(io.vertx.core.buffer.Buffer.buffer(problem(502,
                        "service-unavailable", "Service unavailable", "The service behind " + prefix
                                + " does not answer; retry shortly.", request.getURI()))));
                return Future.succeededFuture(response);
            });
        }
    }
}
