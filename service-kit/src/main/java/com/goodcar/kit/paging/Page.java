package com.goodcar.kit.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing; {@code total} lets a client draw its pager without another call.
 * {@code next}, where a listing offers it, is a cursor for the following page that costs the same
 * however deep it is (a keyset, not an offset).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, int page, int size, long total, String next) {

    public Page(List<T> items, int page, int size, long total) {
        this(items, page, size, total, null);
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), page, size, total, next);
    }
}
