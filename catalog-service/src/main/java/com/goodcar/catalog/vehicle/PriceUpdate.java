package com.goodcar.catalog.vehicle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The new list price in fen and why it changed (kept in the price history and the event). */
public record PriceUpdate(long listPriceFen, @NotBlank @Size(max = 200) String reason) {
}
