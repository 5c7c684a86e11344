package dev.gosync.serve.mirror;

import java.time.Instant;

/**
 * The newest bundle a mirror imported on one channel from one signer.
 *
 * @param channel the channel
 * @param signer the signer's key fingerprint, or {@code unsigned}
 * @param bundleId the bundle
 * @param sequence its sequence number
 * @param created its creation time
 */
public record ChainHead(String channel, String signer, String bundleId, long sequence, Instant created) {
}
