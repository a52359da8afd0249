package com.goodcar.kit.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a listing; {@code total} lets a client draw its pager without another call. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), page, size, total);
    }
}
