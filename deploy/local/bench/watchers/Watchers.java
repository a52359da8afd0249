import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The watcher client of ./platform bench auction: opens COUNT Server-Sent-Event streams of one lot
 * and measures each event's staleness, its arrival time minus the "asOf" instant the server put in
 * it (same machine, same clock). One thread, one selector, plain HTTP/1.1 (chunked) parsed here, so
 * that 10,000 connections cost the machine little next to the service they share it with.
 *
 * <pre>java Watchers.java URL COUNT SECONDS RAMP_SECONDS READY_FILE</pre>
 *
 * Connects COUNT streams (at most 200 connecting at once, for at most RAMP_SECONDS), writes
 * READY_FILE (the number connected), then measures for SECONDS and prints a summary and one line
 * "RESULT key=value ..." (staleness in microseconds). Only new states count: not the first event of
 * a stream (the state at connection time) and not a heartbeat repeating the state the stream already
 * has (same lastSeq), whose asOf is that of the state, not of the heartbeat.
 */
public class Watchers {

    static final int CONNECTING_AT_ONCE = 200;
    static final long BUCKET_US = 100;                         // histogram: 0.1 ms buckets up to 60 s
    static final long[] histogram = new long[600_001];
    static long events, maxUs, connected, failedConnect, failedStatus, closed, repeats;
    static final Map<String, Instant> parsed = new HashMap<>();

    /** One stream: HTTP head, then chunks, then SSE lines. */
    static final class Stream {
        final StringBuilder head = new StringBuilder();
        boolean inBody;
        long chunkLeft = -1;                                    // -1: reading a chunk-size line
        int crlfToSkip;
        final StringBuilder size = new StringBuilder();          // a chunk-size line
        final StringBuilder line = new StringBuilder();          // an SSE line (may span chunks)
        String lastSeq;                                          // of the newest state this stream has
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int count = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        long rampSeconds = Long.parseLong(args[3]);
        Path ready = Path.of(args[4]);
        var address = new InetSocketAddress(url.getHost(), url.getPort());
        byte[] request = ("GET " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

        Selector selector = Selector.open();
        ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        byte[] bytes = new byte[buffer.capacity()];
        int opened = 0, connecting = 0;
        long rampEnd = System.nanoTime() + rampSeconds * 1_000_000_000L;
        long measureFrom = 0, measureTo = Long.MAX_VALUE;
        boolean measuring = false;
        long lastProgress = System.nanoTime();

        while (true) {
            long now = System.nanoTime();
            if (!measuring) {
                while (opened < count && connecting < CONNECTING_AT_ONCE) {
                    try {
                        SocketChannel channel = SocketChannel.open();
                        channel.configureBlocking(false);
                        channel.connect(address);
                        channel.register(selector, SelectionKey.OP_CONNECT, new Stream());
                        connecting++;
                    } catch (IOException e) {
                        failedConnect++;
                    }
                    opened++;
                }
                if ((opened == count && connecting == 0) || now > rampEnd) {
                    Files.writeString(ready, connected + "\n");
                    System.out.printf("[watchers] %d of %d streams connected; measuring for %d s%n", connected, count, seconds);
                    measuring = true;
                    measureFrom = System.currentTimeMillis();
                    measureTo = measureFrom + seconds * 1000;
                } else if (now - lastProgress > 5_000_000_000L) {
                    System.out.printf("[watchers] connecting: %d of %d%n", connected, count);
                    lastProgress = now;
                }
            } else if (System.currentTimeMillis() >= measureTo) {
                break;
            }
            selector.select(100);
            for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                SelectionKey key = it.next();
                it.remove();
                var channel = (SocketChannel) key.channel();
                var stream = (Stream) key.attachment();
                try {
                    if (key.isConnectable()) {
                        channel.finishConnect();
                        channel.write(ByteBuffer.wrap(request));        // ~100 bytes: fits a fresh socket buffer
                        key.interestOps(SelectionKey.OP_READ);
                        continue;
                    }
                    buffer.clear();
                    int n = channel.read(buffer);
                    if (n < 0) {
                        throw new IOException("closed by the server");
                    }
                    Instant arrival = Instant.now();
                    buffer.flip();
                    buffer.get(bytes, 0, n);
                    boolean wasInBody = stream.inBody;
                    if (!consume(stream, bytes, n, arrival, measuring)) {
                        failedStatus++;
                        if (!wasInBody) connecting--;
                        key.cancel();
                        channel.close();
                    } else if (!wasInBody && stream.inBody) {
                        connecting--;
                        connected++;
                    }
                } catch (IOException | RuntimeException e) {         // a broken stream, not the run
                    if (stream.inBody) {
                        closed++;
                        connected--;
                    } else {
                        failedConnect++;
                        connecting--;
                    }
                    key.cancel();
                    channel.close();
                }
            }
        }
        report(count);
    }

    /** Feeds bytes read from one stream; false when the server did not answer 200. */
    static boolean consume(Stream s, byte[] bytes, int n, Instant arrival, boolean measuring) {
        int i = 0;
        if (!s.inBody) {
            while (i < n && !s.inBody) {
                s.head.append((char) bytes[i++]);
                int h = s.head.length();
                if (h >= 4 && s.head.charAt(h - 1) == '\n' && s.head.charAt(h - 3) == '\n' && s.head.charAt(h - 2) == '\r') {
                    String head = s.head.toString();
                    if (!head.startsWith("HTTP/1.1 200")) {
                        System.out.println("[watchers] answer: " + head.lines().findFirst().orElse(""));
                        return false;
                    }
                    if (!head.toLowerCase().contains("transfer-encoding: chunked")) {
                        s.chunkLeft = Long.MAX_VALUE;                    // unframed body: read to the end
                    }
                    s.inBody = true;
                }
            }
        }
        while (i < n) {
            if (s.crlfToSkip > 0) {
                s.crlfToSkip--;
                i++;
            } else if (s.chunkLeft < 0) {                               // chunk-size line
                char c = (char) bytes[i++];
                if (c == '\n') {
                    String size = s.size.toString().trim();
                    int semicolon = size.indexOf(';');
                    s.chunkLeft = Long.parseLong(semicolon < 0 ? size : size.substring(0, semicolon), 16);
                    s.size.setLength(0);
                } else {
                    s.size.append(c);
                }
            } else if (s.chunkLeft == 0) {                              // end of a chunk
                s.chunkLeft = -1;
                s.crlfToSkip = 2;
            } else {
                int take = (int) Math.min(s.chunkLeft, n - i);
                for (int j = i; j < i + take; j++) {
                    char c = (char) bytes[j];
                    if (c == '\n') {
                        sseLine(s, arrival, measuring);
                        s.line.setLength(0);
                    } else if (c != '\r') {
                        s.line.append(c);
                    }
                }
                i += take;
                if (s.chunkLeft != Long.MAX_VALUE) s.chunkLeft -= take;
            }
        }
        return true;
    }

    static void sseLine(Stream s, Instant arrival, boolean measuring) {
        if (s.line.length() < 5 || s.line.charAt(0) != 'd' || !s.line.toString().startsWith("data:")) {
            return;                                                     // blank line, comment, id:, event:
        }
        String data = s.line.toString();
        String seq = field(data, "\"lastSeq\":", ',');
        boolean first = s.lastSeq == null, repeat = seq != null && seq.equals(s.lastSeq);
        s.lastSeq = seq;
        if (first || !measuring) {
            return;
        }
        if (repeat) {
            repeats++;
            return;
        }
        int at = data.indexOf("\"asOf\":\"");
        if (at < 0) {
            return;
        }
        String asOf = data.substring(at + 8, data.indexOf('"', at + 8));
        Instant stamp = parsed.get(asOf);
        if (stamp == null) {
            if (parsed.size() > 10_000) parsed.clear();
            stamp = Instant.parse(asOf);
            parsed.put(asOf, stamp);
        }
        long us = Math.max(0, (arrival.getEpochSecond() - stamp.getEpochSecond()) * 1_000_000
                + (arrival.getNano() - stamp.getNano()) / 1_000);
        events++;
        maxUs = Math.max(maxUs, us);
        histogram[(int) Math.min(us / BUCKET_US, histogram.length - 1)]++;
    }

    /** The raw text of a JSON field up to {@code end}, or null. */
    static String field(String json, String name, char end) {
        int at = json.indexOf(name);
        if (at < 0) return null;
        int stop = json.indexOf(end, at + name.length());
        return stop < 0 ? null : json.substring(at + name.length(), stop);
    }

    static long percentileUs(double p) {
        long rank = (long) Math.ceil(events * p / 100.0), seen = 0;
        for (int b = 0; b < histogram.length; b++) {
            seen += histogram[b];
            if (seen >= rank && rank > 0) return (b + 1) * BUCKET_US;   // upper bound of the bucket
        }
        return 0;
    }

    static void report(int count) {
        long p50 = percentileUs(50), p99 = percentileUs(99);
        System.out.printf("[watchers] %d new states measured (%d heartbeat repeats skipped); staleness p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                        + "%d of %d streams still open, %d failed to connect, %d refused, %d closed by the server%n",
                events, repeats, p50 / 1000.0, p99 / 1000.0, maxUs / 1000.0, connected, count, failedConnect, failedStatus, closed);
        long cpuMs = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        System.out.printf("[watchers] this client used %.1f s of CPU%n", cpuMs / 1000.0);
        System.out.printf("RESULT events=%d repeats=%d p50_us=%d p99_us=%d max_us=%d open=%d failed_connect=%d refused=%d closed=%d cpu_ms=%d%n",
                events, repeats, p50, p99, maxUs, connected, failedConnect, failedStatus, closed, cpuMs);
    }
}
