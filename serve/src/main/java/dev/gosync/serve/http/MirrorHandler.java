package dev.gosync.serve.http;

import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.store.FileStamp;
import dev.gosync.serve.auth.AccessPolicy;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.stream.ChunkedNioFile;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Answers the requests of one connection. Responses are written as raw bytes (status line and
 * headers formatted here, small bodies from memory, files as zero-copy regions), so the hot path
 * has no HTTP encoder and a cached file costs one stat and one write.
 */
final class MirrorHandler extends ChannelInboundHandlerAdapter {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final int CHUNK = 64 * 1024;

    private static final String[] ENDPOINTS = java.util.Arrays.stream(LayoutPath.Kind.values())
            .map(k -> k.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

    private final ServerState server;
    private final HeadTimeout headTimeout;
    private String remoteHost = "-";
    private int inFlight;
    private boolean unflushed;

    /** One request being answered: what the access log and the metrics need when it is done. */
    private static final class Exchange {
        final long start = System.nanoTime();
        final long startMillis = System.currentTimeMillis();
        final HttpRequest request;
        final boolean head;
        boolean keepAlive;
        String endpoint = "other";
        String user;

        Exchange(HttpRequest request) {
            this.request = request;
            this.head = request.method().equals(HttpMethod.HEAD);
        }
    }

    MirrorHandler(ServerState server, HeadTimeout headTimeout) {
        this.server = server;
        this.headTimeout = headTimeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        server.connections.add(ctx.channel());
        server.metrics.connectionOpened();
        if (ctx.channel().remoteAddress() instanceof InetSocketAddress a) {
            remoteHost = a.getAddress().getHostAddress();
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                headTimeout.headReceived();
                handle(ctx, request);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (unflushed) {
            unflushed = false;
            ctx.flush();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Resets, TLS failures, broken pipes: the client is gone or hostile; there is nobody to tell.
        ctx.close();
    }

    /** Called by the server on shutdown: a connection with nothing in flight closes now, others after their responses. */
    void closeWhenIdle(ChannelHandlerContext ctx) {
        if (inFlight == 0) {
            ctx.close();
        }
    }

    private void handle(ChannelHandlerContext ctx, HttpRequest request) {
        Exchange ex = new Exchange(request);
        inFlight++;
        ex.keepAlive = HttpUtil.isKeepAlive(request) && !server.closing;
        DecoderResult decoded = request.decoderResult();
        if (decoded.isFailure()) {
            ex.keepAlive = false;
            Throwable cause = decoded.cause();
            if (cause instanceof TooLongHttpLineException) {
                sendText(ctx, ex, 414, "URI Too Long", "request target too long\n", null);
            } else if (cause instanceof TooLongHttpHeaderException) {
                sendText(ctx, ex, 431, "Request Header Fields Too Large", "request headers too large\n", null);
            } else {
                sendText(ctx, ex, 400, "Bad Request", "malformed request\n", null);
            }
            return;
        }
        HttpMethod method = request.method();
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
            // Any body the client sends is not read: the connection closes after this answer.
            ex.keepAlive = false;
            sendText(ctx, ex, 405, "Method Not Allowed", "this mirror is read-only: GET and HEAD only\n",
                    "Allow: GET, HEAD\r\n");
            return;
        }
        RequestTarget target = RequestTarget.parse(request.uri(), server.validPaths, server.prefix);
        try {
            if (target instanceof RequestTarget.Module module) {
                serveModule(ctx, ex, module);
            } else if (target instanceof RequestTarget.Health) {
                ex.endpoint = "healthz";
                sendText(ctx, ex, 200, "OK", "ok\n", "Cache-Control: no-store\r\n");
            } else if (target instanceof RequestTarget.Metrics) {
                ex.endpoint = "metrics";
                sendBody(ctx, ex, 200, "OK", "text/plain; version=0.0.4; charset=utf-8",
                        server.metrics.render().getBytes(StandardCharsets.UTF_8), "Cache-Control: no-store\r\n");
            } else if (target instanceof RequestTarget.Malformed bad) {
                ex.endpoint = "invalid";
                sendText(ctx, ex, 400, "Bad Request", "bad request: " + bad.reason() + "\n", null);
            } else {
                ex.endpoint = "invalid";
                sendText(ctx, ex, 404, "Not Found", "not found: " + ((RequestTarget.NotFound) target).reason() + "\n", null);
            }
        } catch (IOException | RuntimeException e) {
            ex.keepAlive = false;
            sendText(ctx, ex, 500, "Internal Server Error", "internal error reading the mirror\n", null);
        }
    }

    private void serveModule(ChannelHandlerContext ctx, Exchange ex, RequestTarget.Module module) throws IOException {
        LayoutPath layout = module.layout();
        ex.endpoint = ENDPOINTS[layout.kind().ordinal()];
        if (server.access.restricted()) {
            AccessPolicy.Access access = server.access.decide(
                    ex.request.headers().get(HttpHeaderNames.AUTHORIZATION), layout.path());
            ex.user = access.principal();
            if (access.verdict() == AccessPolicy.Verdict.CHALLENGE) {
                sendText(ctx, ex, 401, "Unauthorized", ex.request.headers().contains(HttpHeaderNames.AUTHORIZATION)
                        ? "authentication failed: the credentials sent are not valid for this mirror\n"
                        : "authentication required: the go command sends credentials over HTTPS only, from .netrc "
                                + "(machine HOST:PORT login NAME password SECRET) or a GOAUTH command\n",
                        "WWW-Authenticate: Basic realm=\"gosync\", Bearer realm=\"gosync\"\r\n");
                return;
            }
            if (access.verdict() == AccessPolicy.Verdict.HIDE) {
                notFound(ctx, ex, layout);
                return;
            }
        }
        Object found = layout.kind() == LayoutPath.Kind.LATEST ? server.latest.lookup(layout.path(), module.relative())
                : server.files.lookup(layout, module.relative());
        if (found == null) {
            notFound(ctx, ex, layout);
        } else if (found instanceof Representation rep) {
            serveRepresentation(ctx, ex, rep);
        } else {
            serveStreamed(ctx, ex, (MirrorFiles.Streamed) found, MirrorFiles.contentType(layout.kind()));
        }
    }

    /** The same answer whether the mirror lacks the file or the client may not see it. */
    private void notFound(ChannelHandlerContext ctx, Exchange ex, LayoutPath layout) {
        String what = layout.kind().perVersion() ? layout.path() + "@" + layout.version() : layout.path();
        sendText(ctx, ex, 404, "Not Found", "not found: " + what + " is not in this mirror\n", null);
    }

    private void serveRepresentation(ChannelHandlerContext ctx, Exchange ex, Representation rep) {
        HttpHeaders h = ex.request.headers();
        boolean gzip = rep.gzipped() != null && acceptsGzip(h.get(HttpHeaderNames.ACCEPT_ENCODING));
        if (notModified(h, rep.etag(), rep.gzipped() != null ? rep.gzipEtag() : null, rep.lastModified())) {
            sendNotModified(ctx, ex, gzip ? rep.gzipEtag() : rep.etag(), rep.lastModified(), rep.gzipped() != null);
            return;
        }
        ByteRange range = range(h, rep.etag(), rep.lastModified(), rep.body().length);
        if (range == ByteRange.UNSATISFIABLE) {
            sendUnsatisfiable(ctx, ex, rep.body().length);
            return;
        }
        if (range != null) {
            String headers = "Content-Type: " + rep.contentType() + "\r\nETag: " + rep.etag() + "\r\nLast-Modified: "
                    + HttpDates.format(rep.lastModified()) + "\r\nAccept-Ranges: bytes\r\nContent-Range: bytes "
                    + range.first() + "-" + range.last() + "/" + rep.body().length + "\r\nContent-Length: "
                    + range.length() + "\r\n";
            write(ctx, ex, 206, "Partial Content", headers.getBytes(StandardCharsets.US_ASCII), rep.body(),
                    (int) range.first(), (int) range.length());
            return;
        }
        byte[] body = gzip ? rep.gzipped() : rep.body();
        write(ctx, ex, 200, "OK", gzip ? rep.gzipHeaders() : rep.identityHeaders(), body, 0, body.length);
    }

    private void serveStreamed(ChannelHandlerContext ctx, Exchange ex, MirrorFiles.Streamed file, String contentType)
            throws IOException {
        boolean sent = false;
        try {
            FileStamp stamp = file.stamp();
            HttpHeaders h = ex.request.headers();
            String etag = MirrorFiles.etag(stamp);
            if (notModified(h, etag, null, stamp.mtimeSeconds())) {
                sendNotModified(ctx, ex, etag, stamp.mtimeSeconds(), false);
                return;
            }
            ByteRange range = range(h, etag, stamp.mtimeSeconds(), stamp.size());
            if (range == ByteRange.UNSATISFIABLE) {
                sendUnsatisfiable(ctx, ex, stamp.size());
                return;
            }
            long first = range == null ? 0 : range.first();
            long length = range == null ? stamp.size() : range.length();
            StringBuilder headers = new StringBuilder(256).append("Content-Type: ").append(contentType)
                    .append("\r\nETag: ").append(etag).append("\r\nLast-Modified: ")
                    .append(HttpDates.format(stamp.mtimeSeconds())).append("\r\nAccept-Ranges: bytes\r\n");
            if (range != null) {
                headers.append("Content-Range: bytes ").append(range.first()).append('-').append(range.last())
                        .append('/').append(stamp.size()).append("\r\n");
            }
            headers.append("Content-Length: ").append(length).append("\r\n");
            int status = range == null ? 200 : 206;
            ByteBuf head = head(ctx, ex, status, range == null ? "OK" : "Partial Content",
                    headers.toString().getBytes(StandardCharsets.US_ASCII), 0);
            if (ex.head) {
                finishAfter(ctx, ex, ctx.write(head), status, 0);
                return;
            }
            // The body object first: if it cannot be made, nothing has been written and a 500 can still go out.
            Object body;
            try {
                body = server.tls ? new ChunkedNioFile(file.channel(), first, length, CHUNK)
                        : new DefaultFileRegion(file.channel(), first, length);
            } catch (IOException | RuntimeException e) {
                head.release();
                throw e;
            }
            ctx.write(head);
            sent = true;
            finishAfter(ctx, ex, ctx.write(body), status, length);
        } finally {
            if (!sent) {
                file.channel().close();
            }
        }
    }

    /** Whether the validators of the request match: If-None-Match first, If-Modified-Since only without it. */
    private static boolean notModified(HttpHeaders h, String etag, String otherEtag, long lastModified) {
        String inm = h.get(HttpHeaderNames.IF_NONE_MATCH);
        if (inm != null) {
            for (String tag : inm.split(",")) {
                String t = tag.trim();
                if (t.startsWith("W/")) {
                    t = t.substring(2);
                }
                if (t.equals("*") || t.equals(etag) || t.equals(otherEtag)) {
                    return true;
                }
            }
            return false;
        }
        String ims = h.get(HttpHeaderNames.IF_MODIFIED_SINCE);
        if (ims != null) {
            long since = HttpDates.parse(ims);
            return since >= 0 && lastModified <= since;
        }
        return false;
    }

    /** The requested range, honouring If-Range (a stale validator means the whole file). */
    private static ByteRange range(HttpHeaders h, String etag, long lastModified, long size) {
        String header = h.get(HttpHeaderNames.RANGE);
        if (header == null) {
            return null;
        }
        String ifRange = h.get(HttpHeaderNames.IF_RANGE);
        if (ifRange != null) {
            String v = ifRange.trim();
            boolean current = v.startsWith("\"") ? v.equals(etag) : HttpDates.parse(v) == lastModified;
            if (!current) {
                return null;
            }
        }
        return ByteRange.parse(header, size);
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.trim().split(";");
            String coding = p[0].trim().toLowerCase(Locale.ROOT);
            if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
                for (int i = 1; i < p.length; i++) {
                    String param = p[i].trim();
                    if (param.startsWith("q=") && param.substring(2).trim().matches("0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private void sendNotModified(ChannelHandlerContext ctx, Exchange ex, String etag, long lastModified, boolean vary) {
        String headers = "ETag: " + etag + "\r\nLast-Modified: " + HttpDates.format(lastModified) + "\r\n"
                + (vary ? "Vary: Accept-Encoding\r\n" : "");
        finishAfter(ctx, ex, ctx.write(head(ctx, ex, 304, "Not Modified", headers.getBytes(StandardCharsets.US_ASCII), 0)),
                304, 0);
    }

    private void sendUnsatisfiable(ChannelHandlerContext ctx, Exchange ex, long size) {
        sendText(ctx, ex, 416, "Range Not Satisfiable", "range not satisfiable\n", "Content-Range: bytes */" + size + "\r\n");
    }

    private void sendText(ChannelHandlerContext ctx, Exchange ex, int status, String reason, String text, String extra) {
        sendBody(ctx, ex, status, reason, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), extra);
    }

    private void sendBody(ChannelHandlerContext ctx, Exchange ex, int status, String reason, String contentType,
            byte[] body, String extra) {
        String headers = "Content-Type: " + contentType + "\r\n" + (extra == null ? "" : extra) + "Content-Length: "
                + body.length + "\r\n";
        write(ctx, ex, status, reason, headers.getBytes(StandardCharsets.US_ASCII), body, 0, body.length);
    }

    /** Writes head and (unless HEAD) body bytes in one buffer, one write. */
    private void write(ChannelHandlerContext ctx, Exchange ex, int status, String reason, byte[] headers, byte[] body,
            int offset, int length) {
        int bodyBytes = ex.head || status == 304 ? 0 : length;
        ByteBuf buf = head(ctx, ex, status, reason, headers, bodyBytes);
        buf.writeBytes(body, offset, bodyBytes);
        finishAfter(ctx, ex, ctx.write(buf), status, bodyBytes);
    }

    private ByteBuf head(ChannelHandlerContext ctx, Exchange ex, int status, String reason, byte[] headers, int extra) {
        String date = HttpDates.now();
        ByteBuf buf = ctx.alloc().buffer(96 + headers.length + extra);
        buf.writeCharSequence("HTTP/1.1 ", StandardCharsets.US_ASCII);
        buf.writeCharSequence(Integer.toString(status), StandardCharsets.US_ASCII);
        buf.writeByte(' ');
        buf.writeCharSequence(reason, StandardCharsets.US_ASCII);
        buf.writeCharSequence("\r\nServer: gosync\r\nDate: ", StandardCharsets.US_ASCII);
        buf.writeCharSequence(date, StandardCharsets.US_ASCII);
        buf.writeBytes(CRLF);
        buf.writeBytes(headers);
        if (!ex.keepAlive) {
            buf.writeCharSequence("Connection: close\r\n", StandardCharsets.US_ASCII);
        } else if (ex.request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            buf.writeCharSequence("Connection: keep-alive\r\n", StandardCharsets.US_ASCII);
        }
        buf.writeBytes(CRLF);
        return buf;
    }

    private void finishAfter(ChannelHandlerContext ctx, Exchange ex, ChannelFuture last, int status, long bodyBytes) {
        unflushed = true;
        last.addListener(f -> {
            long nanos = System.nanoTime() - ex.start;
            long sent = f.isSuccess() ? bodyBytes : 0;
            server.metrics.record(ex.endpoint, status, sent, nanos);
            if (server.accessLog != null) {
                server.accessLog.log(remoteHost, ex.user, ex.startMillis, ex.request.method().name(), ex.request.uri(),
                        ex.request.protocolVersion().text(), status, sent,
                        ex.request.headers().get(HttpHeaderNames.REFERER),
                        ex.request.headers().get(HttpHeaderNames.USER_AGENT), nanos);
            }
            inFlight--;
            if (!ex.keepAlive || (server.closing && inFlight == 0)) {
                ctx.close();
            }
        });
    }
}
