package com.goodcar.kit.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses, with a problem document, what the HTTP layer would otherwise refuse with an empty body
 * or a plain-text page, or pass on to fail deeper: a URI or header block over this service's
 * limits (414, 431), a NUL byte anywhere in the path or query ({@code %00}), which PostgreSQL would
 * refuse with a 500, and what the router refuses itself (an invalid Host header).
 * The HTTP codec's own limits are set far above these (service-kit's microprofile-config), so it is
 * these that answer; only a request beyond the codec's limits still gets the codec's bare answer.
 */
@ApplicationScoped
public class RequestLine {

    private final int maxUriLength;
    private final int maxHeaderBytes;

    RequestLine(@ConfigProperty(name = "goodcar.http.max-uri-length", defaultValue = "4096") int maxUriLength,
                @ConfigProperty(name = "goodcar.http.max-header-bytes", defaultValue = "16384") int maxHeaderBytes) {
        this.maxUriLength = maxUriLength;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
        // what the router itself refuses (a Host header that is no host[:port], ...) would get Quarkus's
        // plain-text error page and an ERROR log line per request: a client's mistake is neither
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(context -> {
            int status = context.statusCode();
            if (status >= 400 && status < 500 && !context.response().ended()) {
                refuse(context, Problem.of(status, "bad-request", "Bad request", clientDetail(status, context.failure())));
            } else {
                context.next();
            }
        });
    }

    private static String clientDetail(int status, Throwable failure) {
        String message = failure == null || failure.getMessage() == null ? "" : failure.getMessage();
        if (message.contains("'Host' header")) {
            return "The Host header is missing or is not a valid host[:port].";
        }
        return "The request is malformed (HTTP " + status + "); check its request line and headers.";
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > maxUriLength) {
            refuse(context, Problem.of(414, "uri-too-long", "URI too long",
                    "The request URI has " + uri.length() + " characters; this service accepts at most " + maxUriLength
                            + ". Send large inputs in a request body."));
            return;
        }
        int headerBytes = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > maxHeaderBytes) {
            refuse(context, Problem.of(431, "headers-too-large", "Request header fields too large",
                    "The request's headers have about " + headerBytes + " bytes; this service accepts at most "
                            + maxHeaderBytes + "."));
            return;
        }
        if (uri.indexOf('%') >= 0 && uri.toLowerCase(Locale.ROOT).contains("%00")) {
            refuse(context, Problem.of(400, "nul-character", "NUL character",
                    "The path or query contains a NUL character (%00), which no identifier or value here may hold."));
            return;
        }
        context.next();
    }

    private static void refuse(RoutingContext context, Problem problem) {
        String path = context.request().path();
        var located = path == null || path.length() > 256 ? problem : problem.at(path);
        context.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(located));
    }
}
