package com.goodcar.kit.paging;

import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * {@code ?page=0&size=20}, validated: pages start at 0, at most 100 items a page, and no deeper
 * than {@link #MAX_OFFSET} items: an offset makes the database read and drop every row before it,
 * so a deep offset page from any anonymous client is a load it chooses. Deeper, a listing offers a
 * cursor ({@code next}) that costs the same at any depth.
 */
public class PageRequest {

    public static final int MAX_OFFSET = 10_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    @Max(value = MAX_OFFSET, message = "must be at most " + MAX_OFFSET)
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "must be between 1 and 100")
    @Max(value = 100, message = "must be between 1 and 100")
    public int size;

    /** The rows to skip; refused with a 400 beyond {@link #MAX_OFFSET}. */
    public int offset() {
        long offset = (long) page * size;
        if (offset > MAX_OFFSET) {
            throw new ProblemException(Problem.of(400, "page-too-deep", "Page too deep",
                    "page × size may be at most " + MAX_OFFSET + " (asked: " + offset + "); to go deeper, follow the "
                            + "page's 'next' cursor where the listing gives one, or narrow the query.")
                    .with("maxOffset", MAX_OFFSET));
        }
        return (int) offset;
    }
}
