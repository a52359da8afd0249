package com.goodcar.catalog.vehicle;

/** Model and edition codes: stable, URL-safe, upper case, e.g. AION-UT-SUPER-NGC001. */
final class Codes {
    static final String PATTERN = "^[A-Z0-9][A-Z0-9-]{1,39}$";
    static final String MESSAGE = "must be 2-40 characters of A-Z, 0-9 and '-', starting with a letter or digit";

    private Codes() {
    }
}
