package com.goodcar.psp;

import com.goodcar.kit.openapi.ProblemContract;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * What {@link SandboxGate} does, said in the OpenAPI document: the merchant API takes the merchant's key
 * ({@value SandboxGate#MERCHANT_KEY}, security scheme {@value #SCHEME}), not a platform token. Runs after
 * the kit's ProblemContract (lower priority), which says only that the scheme's credentials are needed:
 * on an operation secured by the merchant key, that sentence and the 401 are made precise.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 0)
public class MerchantKeyContract implements OASFilter {

    /** The name of the apiKey scheme (quarkus.smallrye-openapi.security-scheme-name). */
    public static final String SCHEME = "merchantKey";
    static final String KIT_SENTENCE = ProblemContract.otherSchemeSentence(java.util.List.of(SCHEME));
    static final String SENTENCE = "Requires the merchant's key in the " + SandboxGate.MERCHANT_KEY + " header.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (merchantKeyed(operation)) {
                describe(path, operation);
            }
        }));
    }

    private static boolean merchantKeyed(Operation operation) {
        return operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.getSchemes() != null && requirement.getSchemes().containsKey(SCHEME));
    }

    private static void describe(String path, Operation operation) {
        String description = operation.getDescription();
        if (description == null || description.isBlank()) {
            operation.setDescription(SENTENCE);
        } else if (description.contains(KIT_SENTENCE)) {
            operation.setDescription(description.replace(KIT_SENTENCE, SENTENCE));
        } else if (!description.contains(SENTENCE)) {
            operation.setDescription(description + "\n\n" + SENTENCE);
        }
        var responses = operation.getResponses();
        if (responses == null) {
            return; // OpenApiContract reports it
        }
        refusal(responses.getAPIResponse("401"), "No " + SandboxGate.MERCHANT_KEY + " header, or not the merchant's key "
                + "(`invalid-merchant-key`).", ProblemContract.problemExample(path, 401, "invalid-merchant-key",
                "Invalid merchant key", "Send the merchant's key (sandbox.merchant-key) in the " + SandboxGate.MERCHANT_KEY
                        + " header."));
    }

    private static void refusal(APIResponse response, String description,
                                Map<String, Object> example) {
        if (response == null || response.getContent() == null) {
            return; // OpenApiContract reports it
        }
        response.setDescription(description);
        response.getContent().getMediaTypes().values().forEach(media -> media.setExample(example));
    }
}
