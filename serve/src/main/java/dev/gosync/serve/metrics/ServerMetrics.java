package dev.gosync.serve.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

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

    private final ConcurrentHashMap<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> bytes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Histogram> latency = new ConcurrentHashMap<>();
    private final LongAdder connections = new LongAdder();

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
        requests.computeIfAbsent(endpoint + '\u0000' + status, k -> new LongAdder()).increment();
        bytes.computeIfAbsent(endpoint, k -> new LongAdder()).add(responseBytes);
        latency.computeIfAbsent(endpoint, k -> new Histogram()).observe(nanos);
    }

    public void connectionOpened() {
        connections.increment();
    }

    /** The metrics as Prometheus text. */
    public String render() {
        StringBuilder out = new StringBuilder(4096);
        out.append("# HELP gosync_http_requests_total HTTP requests answered, by endpoint and status code.\n");
        out.append("# TYPE gosync_http_requests_total counter\n");
        new TreeMap<>(requests).forEach((key, n) -> {
            int sep = key.indexOf('\u0000');
            out.append("gosync_http_requests_total{endpoint=\"").append(key, 0, sep)
                    .append("\",status=\"").append(key, sep + 1, key.length()).append("\"} ")
                    .append(n.sum()).append('\n');
        });
        out.append("# HELP gosync_http_response_bytes_total Response body bytes sent, by endpoint.\n");
        out.append("# TYPE gosync_http_response_bytes_total counter\n");
        new TreeMap<>(bytes).forEach((endpoint, n) -> out.append("gosync_http_response_bytes_total{endpoint=\"")
                .append(endpoint).append("\"} ").append(n.sum()).append('\n'));
        out.append("# HELP gosync_http_request_duration_seconds Time from request head to the last byte written, by endpoint.\n");
        out.append("# TYPE gosync_http_request_duration_seconds histogram\n");
        for (Map.Entry<String, Histogram> e : new TreeMap<>(latency).entrySet()) {
            Histogram h = e.getValue();
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
        out.append("# HELP gosync_http_connections_total TCP connections accepted.\n");
        out.append("# TYPE gosync_http_connections_total counter\n");
        out.append("gosync_http_connections_total ").append(connections.sum()).append('\n');
        return out.toString();
    }
}
