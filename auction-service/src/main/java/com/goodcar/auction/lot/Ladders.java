package com.goodcar.auction.lot;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The ladder's stored form, {@code "fromFen:incrementFen,..."}, e.g. {@code "0:100,10000:1000"}. */
public final class Ladders {

    private Ladders() {
    }

    public static String format(IncrementLadder ladder) {
        return ladder.bands().stream().map(b -> b.fromFen() + ":" + b.incrementFen()).collect(Collectors.joining(","));
    }

    public static IncrementLadder parse(String text) {
        return new IncrementLadder(Arrays.stream(text.split(","))
                .map(band -> band.split(":"))
                .map(p -> new IncrementLadder.Band(Long.parseLong(p[0].strip()), Long.parseLong(p[1].strip())))
                .toList());
    }
}
