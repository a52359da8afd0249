package com.goodcar.catalog.campaign;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(examples = """
        {"title": "Fold-flat rear seats", "body": "Let the rear seats fold flat for camping."}
        """)
public record SuggestionDraft(
        @NotBlank @Size(min = 3, max = 80, message = "must be 3 to 80 characters") String title,
        @NotBlank @Size(min = 10, max = 1000, message = "must be 10 to 1000 characters") String body) {

    SuggestionDraft normalised() {
        return new SuggestionDraft(title.strip(), body.strip());
    }
}
