package com.goodcar.kit.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An RFC 9457 problem detail. {@code type} is a stable, documented identifier a client can switch
 * on; {@code extensions} carry machine-readable facts (current price, retry time, violations).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance,
                      @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://goodcar.example/problems/";
    /** A few dozen slugs, asked for thousands of times a second in a rush: parsed once each */
    private static final Map<String, URI> TYPES = new ConcurrentHashMap<>();

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        URI type = TYPES.get(slug);
        if (type == null) {
            type = URI.create(TYPE_BASE + slug);
            if (TYPES.size() < 256) {
                TYPES.put(slug, type);
            }
        }
        return new Problem(type, title, status, detail, null, Map.of());
    }

    public Problem with(String key, Object value) {
        return with(Map.of(key, value));
    }

    public Problem with(Map<String, ?> more) {
        var all = new LinkedHashMap<String, Object>(extensions);
        all.putAll(more);
        return new Problem(type, title, status, detail, instance, all);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, extensions);
    }

    @JsonAnyGetter
    public Map<String, Object> jsonExtensions() {
        return extensions;
    }
}
