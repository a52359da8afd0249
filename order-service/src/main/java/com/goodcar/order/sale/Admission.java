package com.goodcar.order.sale;

import java.time.Instant;

/**
 * What a buyer's click gets before any database is asked: too early or sold out are answered at
 * once, from memory; only a click that may get a unit goes on to claim one.
 */
public sealed interface Admission {

    record NotStarted(Instant startsAt) implements Admission {
    }

    record SoldOut() implements Admission {
    }

    record ToStock() implements Admission {
    }
}
