package dev.gosync.agent.export;

import dev.gosync.agent.checksum.ChecksumVerifier;
import dev.gosync.agent.env.GoEnvironment;
import dev.gosync.agent.proxy.ProxyClientSettings;
import dev.gosync.agent.proxy.RetryPolicy;
import dev.gosync.agent.direct.DirectMode;
import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.bundle.sign.sshkey.KeyPairs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Exporters for tests: hermetic settings, no pauses between retries, a fixed creation time. */
final class TestExports {
    static final long SOURCE_DATE_EPOCH = 1_714_560_000L;
    static final Ed25519KeyPair KEY = KeyPairs.generate("release@example.com");

    private TestExports() {
    }

    /** Settings whose GOPROXY is {@code goproxy}, retrying three times without waiting, with home directory {@code home}. */
    static ExportSettings settings(String goproxy, Path home) {
        ProxyClientSettings client = ProxyClientSettings.defaults()
                .withRetry(RetryPolicy.of(3, Duration.ZERO, Duration.ZERO))
                .withReadTimeout(Duration.ofSeconds(10));
        return new ExportSettings(GoEnvironment.of(Map.of("GOPROXY", goproxy)), client,
                DirectMode.UNAVAILABLE, ChecksumVerifier.NONE,
                Map.of("SOURCE_DATE_EPOCH", Long.toString(SOURCE_DATE_EPOCH)), home, "Linux",
                Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC), "gosync test");
    }

    static Exporter exporter(String goproxy, Path home) {
        return new Exporter(settings(goproxy, home));
    }

    /** Writes {@link #KEY} to {@code file} (and {@code file.pub}) and returns {@code file}. */
    static Path writeKey(Path file) {
        KeyPairs.write(KEY, file);
        return file;
    }
}
