package com.goodcar.order.sale;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The replica's memory of sold-out sales: never "sold out" once a unit may have come back, however
 * the looks at the database, the returns heard and the listening connection interleave.
 */
class SoldOutMarksTest {

    private static final Instant T0 = Instant.parse("2026-11-11T00:00:00Z");

    private static final class Ticking extends Clock {
        Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aRepeatedClickOfAnOrderStillGoesToTheDatabase() {
        var marks = new SoldOutMarks(new Ticking(), Duration.ofSeconds(10));
        marks.listening();
        assertTrue(marks.mark("s", marks.generation(), Set.of(SoldOutMarks.key("alice", "key-00000001"))));
        assertTrue(marks.soldOut("s", "bob", "key-00000002"));
        assertFalse(marks.soldOut("s", "alice", "key-00000001"), "alice's order must be answered as hers");
        assertFalse(marks.soldOut("t", "bob", "key-00000002"), "another sale");
    }

    @Test
    void nothingIsRememberedWhileReturnsCannotBeHeardAndAMarkLapses() {
        var clock = new Ticking();
        var marks = new SoldOutMarks(clock, Duration.ofSeconds(10));
        assertFalse(marks.mark("s", marks.generation(), Set.of()), "not listening yet");
        marks.listening();
        assertTrue(marks.mark("s", marks.generation(), Set.of()));
        clock.now = T0.plusSeconds(10);
        assertFalse(marks.soldOut("s"), "looks at the database again after the recheck interval");
        assertTrue(marks.mark("s", marks.generation(), Set.of()));
        marks.deaf();
        assertFalse(marks.soldOut("s"), "the connection lost: a return may go unheard");
    }

    /** One step of an interleaving: begin a look, complete look i as "no unit left", a return heard, the connection lost or back. */
    record Step(String kind, String sale, int look) {
    }

    @Provide
    Arbitrary<List<Step>> interleavings() {
        Arbitrary<String> sales = Arbitraries.of("a", "b");
        Arbitrary<Step> step = Arbitraries.oneOf(
                sales.map(s -> new Step("look", s, 0)),
                Arbitraries.integers().between(0, 30).map(i -> new Step("mark", null, i)),
                sales.map(s -> new Step("returned", s, 0)),
                Arbitraries.of(new Step("deaf", null, 0), new Step("listening", null, 0)));
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 2000)
    void neverSoldOutAfterAReturnHeardSinceTheLookBegan(@ForAll("interleavings") List<Step> steps) {
        var marks = new SoldOutMarks(new Ticking(), Duration.ofSeconds(10));
        marks.listening();
        record Look(String sale, long generation, int at) {
        }
        var looks = new ArrayList<Look>();
        Map<String, Integer> lastReturn = new HashMap<>(Map.of("a", -1, "b", -1));
        int lastGap = -1; // the last moment returns may have gone unheard
        Map<String, Integer> markedFrom = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            switch (step.kind()) {
                case "look" -> looks.add(new Look(step.sale(), marks.generation(), i));
                case "mark" -> {
                    if (step.look() < looks.size()) {
                        Look look = looks.get(step.look());
                        if (marks.mark(look.sale(), look.generation(), Set.of())) {
                            markedFrom.put(look.sale(), look.at());
                        }
                    }
                }
                case "returned" -> {
                    marks.returned(step.sale());
                    lastReturn.put(step.sale(), i);
                }
                case "deaf" -> {
                    marks.deaf();
                    lastGap = i;
                }
                default -> {
                    marks.listening();
                    lastGap = i;
                }
            }
            for (String sale : List.of("a", "b")) {
                if (marks.soldOut(sale)) {
                    int from = markedFrom.get(sale);
                    assertTrue(from > lastReturn.get(sale) && from > lastGap, "sale " + sale + " remembered sold out "
                            + "from a look at step " + from + " despite a return at " + lastReturn.get(sale)
                            + " or a gap at " + lastGap + ": " + steps);
                }
            }
        }
    }
}
