package dev.gosync.serve.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * Counters of a running server in the Prometheus text exposition format (version 0.0.4):
 * requests by endpoint and status, response bytes by endpoint, and a latency histogram by
 * endpoint. Endpoints are a small closed set (list, info, mod, zip, latest, ...), never module
 * paths: the metrics cannot reveal which modules exist, and their cardinality stays bounded.
 * Lock-free on the request path.
 */
public final class ServerMetrics {
    /** Upper bounds in seconds of the latency buckets. */
    private static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final ConcurrentHashMap<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final LongAdder connections = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private volatile IntSupplier openConnections = () -> 0;
    private volatile int maxConnections;

    /** Everything counted for one endpoint. */
    private static final class Endpoint {
        final ConcurrentHashMap<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        final LongAdder bytes = new LongAdder();
        final Histogram latency = new Histogram();
    }

    private static final class Histogram {
        final LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
        final LongAdder sumNanos = new LongAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void observe(long nanos) {
            double seconds = nanos / 1e9;
            int i = 0;
            while (i < BUCKETS.length && seconds > BUCKETS[i]) {
                i++;
            }
            counts[i].increment();
            sumNanos.add(nanos);
        }
    }

    /** Records one finished request. */
    public void record(String endpoint, int status, long responseBytes, long nanos) {
        Endpoint e = endpoints.get(endpoint);
        if (e == null) {
            e = endpoints.computeIfAbsent(endpoint, k -> new Endpoint());
        }
        LongAdder count = e.byStatus.get(status);
        if (count == null) {
            count = e.byStatus.computeIfAbsent(status, k -> new LongAdder());
        }
        count.increment();
        e.bytes.add(responseBytes);
        e.latency.observe(nanos);
    }

    public void connectionOpened() {
        connections.increment();
    }

    /** A connection closed unserved because the server had its maximum of connections open. */
    public void connectionRefused() {
        refused.increment();
    }

    /** Where the number of open connections is read when rendering, and the limit on it. */
    public void watchConnections(IntSupplier open, int max) {
        this.openConnections = open;
        this.maxConnections = max;
    }

    /** The metrics as Prometheus text. */
    public String render() {
        StringBuilder out = new StringBuilder(4096);
        out.append("# HELP gosync_http_requests_total HTTP requests answered, by endpoint and status code.\n");
        out.append("# TYPE gosync_http_requests_total counter\n");
        TreeMap<String, Endpoint> sorted = new TreeMap<>(endpoints);
        sorted.forEach((name, e) -> new TreeMap<>(e.byStatus).forEach((status, n) ->
                out.append("gosync_http_requests_total{endpoint=\"").append(name).append("\",status=\"").append(status)
                        .append("\"} ").append(n.sum()).append('\n')));
        out.append("# HELP gosync_http_response_bytes_total Response body bytes sent, by endpoint.\n");
        out.append("# TYPE gosync_http_response_bytes_total counter\n");
        sorted.forEach((name, e) -> out.append("gosync_http_response_bytes_total{endpoint=\"")
                .append(name).append("\"} ").append(e.bytes.sum()).append('\n'));
        out.append("# HELP gosync_http_request_duration_seconds Time from request head to the last byte written, by endpoint.\n");
        out.append("# TYPE gosync_http_request_duration_seconds histogram\n");
        for (Map.Entry<String, Endpoint> e : sorted.entrySet()) {
            Histogram h = e.getValue().latency;
            long cumulative = 0;
            for (int i = 0; i < h.counts.length; i++) {
                cumulative += h.counts[i].sum();
                String le = i < BUCKETS.length ? java.math.BigDecimal.valueOf(BUCKETS[i]).toPlainString() : "+Inf";
                out.append("gosync_http_request_duration_seconds_bucket{endpoint=\"").append(e.getKey())
                        .append("\",le=\"").append(le).append("\"} ").append(cumulative).append('\n');
            }
            out.append("gosync_http_request_duration_seconds_sum{endpoint=\"").append(e.getKey()).append("\"} ")
                    .append(h.sumNanos.sum() / 1e9).append('\n');
            out.append("gosync_http_request_duration_seconds_count{endpoint=\"").append(e.getKey()).append("\"} ")
                    .append(cumulative).append('\n');
        }
        out.append("# HELP gosync_http_connections_total TCP connections accepted and served"
                + " (refused ones count in gosync_http_connections_refused_total).\n");
        out.append("# TYPE gosync_http_connections_total counter\n");
        out.append("gosync_http_connections_total ").append(connections.sum()).append('\n');
        out.append("# HELP gosync_http_connections_refused_total TCP connections closed unserved because"
                + " --max-connections were open.\n");
        out.append("# TYPE gosync_http_connections_refused_total counter\n");
        out.append("gosync_http_connections_refused_total ").append(refused.sum()).append('\n');
        out.append("# HELP gosync_http_connections_open TCP connections being served now.\n");
        out.append("# TYPE gosync_http_connections_open gauge\n");
        out.append("gosync_http_connections_open ").append(openConnections.getAsInt()).append('\n');
        out.append("# HELP gosync_http_connections_max The most connections served at once (--max-connections).\n");
        out.append("# TYPE gosync_http_connections_max gauge\n");
        out.append("gosync_http_connections_max ").append(maxConnections).append('\n');
        return out.toString();
    }
}
