/** What the server counts, exposed in the Prometheus text format at {@code /metrics}. */
package dev.gosync.serve.metrics;
