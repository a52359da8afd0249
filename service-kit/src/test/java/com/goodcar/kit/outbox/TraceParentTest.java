package com.goodcar.kit.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.junit.jupiter.api.Test;

class TraceParentTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void theCurrentSpanIsKeptAsTraceparentAndComesBackAsTheParentOfTheSend() {
        var request = SpanContext.createFromRemoteParent(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault());
        String kept;
        try (var scope = Span.wrap(request).makeCurrent()) {
            kept = TraceParent.current();
        }
        assertEquals("00-" + TRACE + "-" + SPAN + "-01", kept);

        SpanContext parent = Span.fromContext(TraceParent.parent(kept)).getSpanContext();
        assertEquals(TRACE, parent.getTraceId());
        assertEquals(SPAN, parent.getSpanId());
        assertTrue(parent.isSampled() && parent.isRemote());
    }

    @Test
    void withoutASpanNothingIsKeptAndTheSendStartsItsOwnTrace() {
        assertNull(TraceParent.current(), "a writer's own thread has no request's span");
        assertFalse(Span.fromContext(TraceParent.parent(null)).getSpanContext().isValid());
        assertFalse(Span.fromContext(TraceParent.parent("garbage")).getSpanContext().isValid());
    }
}
