package dev.gosync.agent.export;

import dev.gosync.bundle.archive.BundleLayout;
import dev.gosync.fixtures.ExternalTool;
import dev.gosync.fixtures.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Verifies a bundle's signature the way an administrator would: extracts the manifest and its
 * signature from the archive and runs the real {@code ssh-keygen -Y verify} on them.
 */
final class SshKeygenVerify {
    private SshKeygenVerify() {
    }

    /** Runs {@code ssh-keygen -Y verify} for {@code principal} trusted with {@code publicKeyLine}, in {@code work}. */
    static ProcessResult verify(Path zstdBundle, String principal, String publicKeyLine, Path work) throws IOException {
        ExternalTool sshKeygen = ExternalTool.require("ssh-keygen");
        byte[] manifest = null;
        Path signature = work.resolve("manifest.json.sig");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new ZstdCompressorInputStream(Files.newInputStream(zstdBundle)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.getName().equals(BundleLayout.MANIFEST_ENTRY)) {
                    manifest = tar.readAllBytes();
                } else if (e.getName().equals(BundleLayout.SIGNATURE_ENTRY)) {
                    Files.write(signature, tar.readAllBytes());
                    break;
                }
            }
        }
        Path allowed = Files.writeString(work.resolve("allowed_signers"), principal + " " + publicKeyLine + "\n");
        return sshKeygen.run(work, manifest, "-Y", "verify", "-f", allowed.toString(), "-I", principal,
                "-n", "gosync-bundle", "-s", signature.toString());
    }
}
