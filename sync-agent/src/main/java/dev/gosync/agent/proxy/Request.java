package dev.gosync.agent.proxy;

import dev.gosync.bundle.manifest.Redaction;
import java.net.URI;

/**
 * One file to fetch from one proxy.
 *
 * @param base         the proxy
 * @param relativePath the GOPROXY layout path, module path and version already case-escaped
 * @param subject      what is being fetched, for messages: {@code path@version} or {@code module path}
 */
record Request(ProxyUrl base, String relativePath, String subject) {
    /** The URL to send, without user info. */
    URI url() {
        return base.resolve(relativePath);
    }

    /** The URL as messages show it: no user info, query or fragment. */
    String redactedUrl() {
        return Redaction.redact(url().toString());
    }

    /** {@code <subject>: reading <redacted url>}, the start of every message about this request. */
    String context() {
        return subject + ": reading " + redactedUrl();
    }
}
