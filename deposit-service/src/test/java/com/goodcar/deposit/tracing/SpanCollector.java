package com.goodcar.deposit.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The spans this app ended in the traces a test watches, as an exporter would receive them
 * (Quarkus adds every SpanProcessor bean to the tracer provider; nothing leaves the process).
 */
@Singleton
public class SpanCollector implements SpanProcessor {

    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final List<SpanData> ended = new CopyOnWriteArrayList<>();

    public void watch(String traceId) {
        watched.add(traceId);
    }

    public List<SpanData> spansOf(String traceId) {
        return ended.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (watched.contains(span.getSpanContext().getTraceId())) {
            ended.add(span.toSpanData());
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }
}
