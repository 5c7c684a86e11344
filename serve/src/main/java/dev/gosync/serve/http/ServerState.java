package dev.gosync.serve.http;

import dev.gosync.serve.auth.AccessPolicy;
import dev.gosync.serve.metrics.ServerMetrics;
import io.netty.channel.group.ChannelGroup;

/** What every connection of one server shares. */
final class ServerState {
    final MirrorFiles files;
    final LatestAnswers latest;
    final ServerMetrics metrics;
    final AccessPolicy access;
    final AccessLog accessLog;
    final ChannelGroup connections;
    final boolean tls;
    final ValidPaths validPaths = new ValidPaths();
    final PathPrefix prefix;
    final ConnectionLimit connectionLimit;
    /** Set when shutdown begins: connections finish what they are sending, then close. */
    volatile boolean closing;

    ServerState(MirrorFiles files, ServerMetrics metrics, AccessPolicy access, AccessLog accessLog,
            ChannelGroup connections, boolean tls, PathPrefix prefix, int maxConnections) {
        this.files = files;
        this.latest = new LatestAnswers(files);
        this.metrics = metrics;
        this.access = access;
        this.accessLog = accessLog;
        this.connections = connections;
        this.tls = tls;
        this.prefix = prefix;
        this.connectionLimit = new ConnectionLimit(maxConnections, metrics);
    }
}
