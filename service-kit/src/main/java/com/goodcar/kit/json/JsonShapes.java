package com.goodcar.kit.json;

import java.time.temporal.Temporal;
import java.util.Collection;

/** What a Java type looks like in JSON, for error details a client can act on (never a class name). */
public final class JsonShapes {

    private JsonShapes() {
    }

    public static String of(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class || type.isEnum()) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class
                || type == short.class || type == Short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 instant string such as 2026-11-11T00:00:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
