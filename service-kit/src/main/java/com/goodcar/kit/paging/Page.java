package com.goodcar.kit.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing; {@code total} lets a client draw its pager without another call.
 * {@code next}, where a listing offers it, is a cursor for the following page that costs the same
 * however deep it is (a keyset, not an offset).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items,
                      @Schema(examples = "0", description = "The page asked for (0-based)") int page,
                      @Schema(examples = "20", description = "Items per page") int size,
                      @Schema(examples = "1234", description = "Items in the whole listing") long total,
                      @Schema(examples = "eyJ2IjoyMzczMywiaWQiOjQ3MTF9",
                              description = "Cursor of the following page (?after=), where the listing offers one") String next) {

    public Page(List<T> items, int page, int size, long total) {
        this(items, page, size, total, null);
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), page, size, total, next);
    }
}
