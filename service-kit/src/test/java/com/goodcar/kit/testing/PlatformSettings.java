package com.goodcar.kit.testing;

import java.util.Map;

/**
 * The environment each packaged service gets when a test starts the whole platform as processes
 * (the web pages' tests, the replay's drills): the sandbox PSP, and Kafka groups of the run
 * ({@code group}-auction, -deposit, -orders, -stores) that start at the topics' ends, so a run does
 * not replay the shared topics' history. The catalog's editions are read from the beginning: an
 * order needs its edition listed.
 */
public final class PlatformSettings {

    private PlatformSettings() {
    }

    public static Map<String, String> auction(String group) {
        return Map.of(
                "AUCTION_INSTANCE_ID", group + "-auction",
                "MP_MESSAGING_INCOMING_DEPOSIT_HOLDS_GROUP_ID", group + "-auction",
                "MP_MESSAGING_INCOMING_DEPOSIT_HOLDS_AUTO_OFFSET_RESET", "latest");
    }

    public static Map<String, String> deposit(String group, String pspUrl) {
        return Map.of(
                "DEPOSIT_PSP_PROVIDER", "sandbox",
                "DEPOSIT_PSP_URL", pspUrl,
                "MP_MESSAGING_INCOMING_AUCTION_LOTS_GROUP_ID", group + "-deposit",
                "MP_MESSAGING_INCOMING_AUCTION_LOTS_AUTO_OFFSET_RESET", "latest",
                "MP_MESSAGING_INCOMING_ORDER_ORDERS_GROUP_ID", group + "-deposit",
                "MP_MESSAGING_INCOMING_ORDER_ORDERS_AUTO_OFFSET_RESET", "latest");
    }

    public static Map<String, String> orders(String group, String pspUrl) {
        return Map.of(
                "ORDER_PSP_PROVIDER", "sandbox",
                "ORDER_PSP_URL", pspUrl,
                "MP_MESSAGING_INCOMING_AUCTION_LOTS_GROUP_ID", group + "-orders",
                "MP_MESSAGING_INCOMING_AUCTION_LOTS_AUTO_OFFSET_RESET", "latest",
                "MP_MESSAGING_INCOMING_STORE_HANDOVERS_GROUP_ID", group + "-orders",
                "MP_MESSAGING_INCOMING_STORE_HANDOVERS_AUTO_OFFSET_RESET", "latest",
                "MP_MESSAGING_INCOMING_CATALOG_EDITIONS_GROUP_ID", group + "-orders");
    }

    public static Map<String, String> stores(String group) {
        return Map.of(
                "MP_MESSAGING_INCOMING_ORDER_ORDERS_GROUP_ID", group + "-stores",
                "MP_MESSAGING_INCOMING_ORDER_ORDERS_AUTO_OFFSET_RESET", "latest");
    }
}
