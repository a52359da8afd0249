package com.goodcar.kit.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import java.util.Collection;
import org.jboss.logging.Logger;

/**
 * Spans leave the process only where an operator configured an OTLP endpoint
 * ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} or {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}).
 * Without one, Quarkus would export to its default, localhost:4317, and warn about every failed
 * batch on a machine with no collector. While both endpoints are that default, this exporter is
 * visible to lookups, and Quarkus leaves its OTLP exporter out whenever the application has one
 * of its own. Traces still exist then (ids in the logs, {@code traceparent} on HTTP and Kafka):
 * they are only not sent anywhere.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = NoTraceExport.QUARKUS_DEFAULT,
        lookupIfMissing = true)
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = NoTraceExport.QUARKUS_DEFAULT,
        lookupIfMissing = true)
public class NoTraceExport implements SpanExporter {

    /** Quarkus' default endpoint, which it also treats as "none set" */
    static final String QUARKUS_DEFAULT = "http://localhost:4317/";

    NoTraceExport() {
        Logger.getLogger(NoTraceExport.class).info("tracing: no OTLP endpoint configured, spans are not exported");
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
