package dev.gosync.bundle.archive;

import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.sign.VerifiedSigner;
import java.util.Optional;

/**
 * The result of reading a whole bundle without finding a problem.
 *
 * @param manifest the verified manifest
 * @param signer who signed it, or empty when it was read without signature verification
 * @param files how many files were read and verified
 * @param bytes their total size
 */
public record VerifyReport(Manifest manifest, Optional<VerifiedSigner> signer, int files, long bytes) {
}
