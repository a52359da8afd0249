package com.goodcar.contracts.order;

/** Where a buyer wants the car: the handover site is looked for near this point (WGS 84 degrees). */
public record DeliveryAddress(String city, String address, double latitude, double longitude) {
}
