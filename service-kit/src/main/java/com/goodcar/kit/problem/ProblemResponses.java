package com.goodcar.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.goodcar.kit.json.JsonShapes;
import com.goodcar.kit.json.RefusedValue;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}. Client mistakes get a 4xx that says
 * which field or header is wrong; anything unexpected gets a 500 with an incident id that is also
 * in the log, never a stack trace.
 */
public class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response invalidBody(ConstraintViolationException e, UriInfo uri) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .toList();
        String detail = violations.stream()
                .map(v -> v.get("field") + " " + v.get("message"))
                .collect(Collectors.joining("; "));
        return respond(Problem.of(400, "invalid-request", "Invalid request", detail)
                .with("violations", violations), uri);
    }

    @ServerExceptionMapper({JsonProcessingException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper({RefusedValue.class})
    public Response refusedValue(RefusedValue e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    /** Named apart: Quarkus REST has a built-in mapper for this one that would answer plain JSON. */
    @ServerExceptionMapper({MismatchedInputException.class})
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return withChallenge(Problem.of(401, "unauthenticated", "Authentication required",
                "Send a bearer access token from the platform's identity provider."), uri);
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e, UriInfo uri) {
        return withChallenge(Problem.of(401, "invalid-token", "Invalid token",
                "The bearer token is expired, not signed by the platform's identity provider, or malformed."), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden",
                "Your account does not have the role this operation requires."), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json), uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return respond(Problem.of(status, slug(title), title, clientDetail(status, e)), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseOutage.causes(e)) {
            LOG.warnf("database unavailable on %s (answered 503, retry): %s", uri.getPath(), e.getMessage());
            return respond(Problem.of(503, "unavailable", "Service unavailable",
                    "The database is not reachable just now; send the same request again shortly.")
                    .with("retryAfterSeconds", 1), uri);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "incident %s on %s", incident, uri.getPath());
        return respond(Problem.of(500, "internal-error", "Internal error",
                "Something failed on our side; quote incident " + incident + " if you report it.")
                .with("incident", incident), uri);
    }

    public static Response respond(Problem problem, UriInfo uri) {
        Problem located = problem.instance() == null && uri != null ? problem.at(uri.getPath()) : problem;
        var response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(located);
        if (problem.extensions().get("retryAfterSeconds") instanceof Number seconds) {
            response.header(HttpHeaders.RETRY_AFTER, seconds.longValue());
        }
        return response.build();
    }

    private static Response withChallenge(Problem problem, UriInfo uri) {
        return Response.fromResponse(respond(problem, uri)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Problem.of(400, "unknown-field", "Unknown field",
                    "Field '" + unknown.getPropertyName() + "' is not part of this request; known fields: "
                            + unknown.getKnownPropertyIds() + ".");
        }
        if (e instanceof RefusedValue refused) {
            String path = path(refused);
            return Problem.of(400, "refused-value", "Refused value",
                    (path.isEmpty() ? "The body" : "Field '" + path + "'") + " " + refused.reason() + ".");
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            var mapping = (JsonMappingException) e;
            String path = path(mapping);
            String expected = e instanceof MismatchedInputException m && m.getTargetType() != null
                    ? " (expected " + JsonShapes.of(m.getTargetType()) + ")" : "";
            return Problem.of(400, "wrong-type", "Wrong type",
                    (path.isEmpty() ? "The body" : "Field '" + path + "'") + " has the wrong type or shape" + expected + ".");
        }
        if (e instanceof JsonParseException parse) {
            var at = parse.getLocation();
            return Problem.of(400, "malformed-json", "Malformed JSON",
                    "The body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ").");
        }
        return Problem.of(400, "malformed-json", "Malformed JSON", "The body could not be read as JSON.");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String field(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // method-parameter paths look like "create.body.name": keep what a client sent
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }

    private static String clientDetail(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "Nothing here: check the path and the id.";
            case 405 -> "This resource does not support that HTTP method.";
            case 406 -> "This resource answers application/json or application/problem+json.";
            case 413 -> "The request body is larger than this endpoint accepts.";
            case 415 -> "Send the body as application/json.";
            default -> e.getMessage();
        };
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
