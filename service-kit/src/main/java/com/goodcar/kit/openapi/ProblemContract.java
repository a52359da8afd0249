package com.goodcar.kit.openapi;

import com.goodcar.kit.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * What every service's OpenAPI document says the same way, declared once: the RFC 9457 problem
 * schema, and for every operation the refusals the kit itself gives (400 for a NUL in the URI or a
 * bad Host, 413/415 where there is a body, 414/431 from the HTTP layer, 404 where a path parameter
 * names a resource, 401/403 where a role is required, 500 with an incident id), each as
 * {@code application/problem+json} with an example. A resource declares only what is its own:
 * {@code @APIResponse(responseCode = "409", description = "... (`slug`) ...")} for a refusal it
 * throws; the content and example are filled in here, the example's type from the first
 * {@code `slug`} in the description.
 *
 * <p>Security: a Keycloak realm role is no OAuth scope, so the roles Quarkus lists as scopes of the
 * bearer requirement move into the operation's description; an operation a resource marks public
 * ({@code @PermitAll} with an empty {@code @SecurityRequirements}) is said to be public.
 * {@code OpenApiContract} in the kit's test-jar fails a service whose document lacks any of this.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemContract implements OASFilter {

    public static final String SCHEMA = "Problem";
    /** The platform's Keycloak bearer scheme (quarkus.smallrye-openapi.security-scheme-name in the kit's config). */
    public static final String OIDC = "oidc";
    static final String REF = "#/components/schemas/" + SCHEMA;
    private static final String TYPE_BASE = "https://goodcar.example/problems/";
    private static final Pattern SLUG = Pattern.compile("`([a-z0-9-]+)`");
    private static final Map<String, String[]> KIT = new LinkedHashMap<>();

    static {
        // status -> slug, title, description, detail: what the kit itself answers (ProblemResponses, RequestLine, BodyLimit)
        KIT.put("400", new String[] {"invalid-request", "Invalid request",
                "Bad input: a field or parameter refused (`invalid-request`, `wrong-type`, `refused-value`, `unknown-field`, "
                        + "`malformed-json`), or a NUL (%00) in the path or query (`nul-character`).",
                "size must be between 1 and 100"});
        KIT.put("401", new String[] {"unauthenticated", "Authentication required",
                "No bearer token (`unauthenticated`), or one that is expired, forged or malformed (`invalid-token`).",
                "Send a bearer access token from the platform's identity provider."});
        KIT.put("403", new String[] {"forbidden", "Forbidden",
                "The token lacks the role this operation requires (`forbidden`).",
                "Your account does not have the role this operation requires."});
        KIT.put("404", new String[] {"not-found", "Not found",
                "Nothing with that id (`not-found`).", "Nothing here: check the path and the id."});
        KIT.put("413", new String[] {"payload-too-large", "Payload too large",
                "The body is larger than this service accepts (`payload-too-large`).",
                "The request body is larger than this endpoint accepts."});
        KIT.put("414", new String[] {"uri-too-long", "URI too long",
                "The request URI is over 4,096 characters (`uri-too-long`).",
                "The request URI has 6021 characters; this service accepts at most 4096. Send large inputs in a request body."});
        KIT.put("415", new String[] {"unsupported-media-type", "Unsupported Media Type",
                "The body is not application/json (`unsupported-media-type`).", "Send the body as application/json."});
        KIT.put("431", new String[] {"headers-too-large", "Request header fields too large",
                "The request's headers are over 16 KiB (`headers-too-large`).",
                "The request's headers have about 20026 bytes; this service accepts at most 16384."});
        KIT.put("500", new String[] {"internal-error", "Internal error",
                "Something failed on our side; the detail has an incident id that is also in the service's log (`internal-error`).",
                "Something failed on our side; quote incident 3f1c6a52-0d7e-4c55-9a43-2b8f0e61c9d1 if you report it."});
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, problemSchema());
        var tags = new LinkedHashSet<String>();
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            describeSecurity(operation);
            addKitResponses(path, operation);
            if (operation.getTags() != null) {
                tags.addAll(operation.getTags());
            }
        }));
        var declared = new LinkedHashSet<String>();
        if (openAPI.getTags() != null) {
            openAPI.getTags().forEach(tag -> declared.add(tag.getName()));
        }
        tags.stream().filter(tag -> !declared.contains(tag)).sorted()
                .forEach(tag -> openAPI.addTag(OASFactory.createTag().name(tag)));
    }

    private static void describeSecurity(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        if (security == null) {
            return; // OpenApiContract reports it: neither secured nor declared public
        }
        var roles = new LinkedHashSet<String>();
        var others = new LinkedHashSet<String>();
        boolean bearer = false;
        for (SecurityRequirement requirement : security) {
            if (requirement.getSchemes() == null) {
                continue;
            }
            for (var scheme : new ArrayList<>(requirement.getSchemes().entrySet())) {
                if (!OIDC.equals(scheme.getKey())) {
                    others.add(scheme.getKey());
                    continue;
                }
                bearer = true;
                if (scheme.getValue() != null) {
                    roles.addAll(scheme.getValue());
                }
                requirement.addScheme(scheme.getKey(), List.of());
            }
        }
        String said = bearer
                ? "Requires a bearer access token from the platform's Keycloak (OIDC)"
                        + (roles.isEmpty() ? "." : " with the realm role " + String.join(" or ", roles.stream()
                                .map(role -> "`" + role + "`").toList()) + ".")
                : !others.isEmpty() ? otherSchemeSentence(others)
                : "Public: no token needed.";
        String description = operation.getDescription();
        if (description == null || description.isBlank()) {
            operation.setDescription(operation.getSummary() == null ? said : operation.getSummary() + ".\n\n" + said);
        } else if (!description.contains(said)) {
            operation.setDescription(description + "\n\n" + said);
        }
    }

    /** What an operation secured by a scheme other than the platform's Keycloak says it needs. */
    public static String otherSchemeSentence(java.util.Collection<String> schemes) {
        return "Requires the credentials of the " + String.join(" or ", schemes.stream().map(s -> "`" + s + "`").toList())
                + " security scheme.";
    }

    private static void addKitResponses(String path, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        var responses = operation.getResponses();
        var kit = new ArrayList<>(List.of("400", "414", "431", "500"));
        if (path.contains("{")) {
            kit.add("404");
        }
        if (operation.getRequestBody() != null) {
            kit.add("413");
            kit.add("415");
        }
        boolean secured = operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.getSchemes() != null && !requirement.getSchemes().isEmpty());
        boolean roles = secured && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.getSchemes() != null && requirement.getSchemes().containsKey(OIDC));
        if (secured) {
            kit.add("401");
        }
        if (roles) {
            kit.add("403"); // only the platform's tokens carry roles; another scheme's wrong credentials are a 401
        }
        for (String status : kit) {
            APIResponse response = responses.getAPIResponse(status);
            if (response == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(KIT.get(status)[2]));
            } else if (isQuarkusDefault(response.getDescription())) {
                response.setDescription(KIT.get(status)[2]);
            }
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.matches("[45]\\d\\d")) {
                withProblemBody(path, status, response);
            }
        });
    }

    /** What Quarkus adds for a secured operation or one with input: replaced with what the kit really says. */
    private static boolean isQuarkusDefault(String description) {
        return description == null || List.of("Not Authorized", "Not Allowed", "Bad Request").contains(description);
    }

    private static void withProblemBody(String path, String status, APIResponse response) {
        var content = response.getContent();
        if (content == null) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        var media = content.getMediaType(Problem.MEDIA_TYPE);
        if (media == null) {
            media = OASFactory.createMediaType();
            content.addMediaType(Problem.MEDIA_TYPE, media);
        }
        if (media.getSchema() == null || media.getSchema().getRef() == null) {
            media.setSchema(OASFactory.createSchema().ref(REF));
        }
        if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())) {
            media.setExample(example(path, status, response.getDescription()));
        }
    }

    private static Map<String, Object> example(String path, String status, String description) {
        String[] kit = KIT.get(status);
        var matcher = SLUG.matcher(description == null ? "" : description);
        String slug = matcher.find() ? matcher.group(1) : kit != null ? kit[0] : "http-" + status;
        return problemExample(path, Integer.parseInt(status), slug,
                kit != null && kit[0].equals(slug) ? kit[1] : title(slug),
                kit != null && kit[0].equals(slug) ? kit[3]
                        : description == null ? title(slug) + "." : description.replace("`", ""));
    }

    /** A problem document as an example answer of {@code path} (its parameters shown as example-id). */
    public static Map<String, Object> problemExample(String path, int status, String slug, String title, String detail) {
        var example = new LinkedHashMap<String, Object>();
        example.put("type", TYPE_BASE + slug);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", path.replaceAll("\\{[^}]+}", "example-id"));
        return example;
    }

    private static String title(String slug) {
        String words = slug.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail (application/problem+json). `type` is a stable identifier a "
                        + "client can switch on; extra members carry machine-readable facts (violations, currentPriceFen, "
                        + "retryAfterSeconds, incident, ...).")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .description("The problem type: https://goodcar.example/problems/{slug}"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("A short, human-readable summary of the problem type"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status code"))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What went wrong with this request, for a person"))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The request path"))
                .required(List.of("type", "title", "status", "detail"))
                .additionalPropertiesBoolean(true)
                .addExample(Map.of("type", TYPE_BASE + "not-found", "title", "Not found", "status", 404,
                        "detail", "Nothing here: check the path and the id.", "instance", "/models/example-id"));
    }
}
