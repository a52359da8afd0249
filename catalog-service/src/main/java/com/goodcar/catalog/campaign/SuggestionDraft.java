package com.goodcar.catalog.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record SuggestionDraft(
        @NotBlank @Size(min = 3, max = 80, message = "must be 3 to 80 characters") String title,
        @NotBlank @Size(min = 10, max = 1000, message = "must be 10 to 1000 characters") String body) {

    SuggestionDraft normalised() {
        return new SuggestionDraft(title.strip(), body.strip());
    }
}
