package dev.gosync.agent.export;

import dev.gosync.bundle.archive.BundleLayout;
import dev.gosync.fixtures.ProcessResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Verifies a bundle's signature the way an administrator would: extracts the manifest and its
 * signature from the archive and runs the real {@code ssh-keygen -Y verify} on them.
 */
final class SshKeygenVerify {
    private static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

    private SshKeygenVerify() {
    }

    /** Runs {@code ssh-keygen -Y verify} for {@code principal} trusted with {@code publicKeyLine}, in {@code work}. */
    static ProcessResult verify(Path zstdBundle, String principal, String publicKeyLine, Path work) throws IOException {
        if (!Files.isExecutable(SSH_KEYGEN)) {
            String why = "ssh-keygen is needed to verify signatures with a standard tool";
            Assertions.assertNotEquals("true", System.getenv("CI"), why + " (CI=true: install openssh-client)");
            Assumptions.abort(why);
        }
        Path manifest = work.resolve("manifest.json");
        Path signature = work.resolve("manifest.json.sig");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new ZstdCompressorInputStream(Files.newInputStream(zstdBundle)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.getName().equals(BundleLayout.MANIFEST_ENTRY)) {
                    Files.write(manifest, tar.readAllBytes());
                } else if (e.getName().equals(BundleLayout.SIGNATURE_ENTRY)) {
                    Files.write(signature, tar.readAllBytes());
                    break;
                }
            }
        }
        Path allowed = Files.writeString(work.resolve("allowed_signers"), principal + " " + publicKeyLine + "\n");
        List<String> command = List.of(SSH_KEYGEN.toString(), "-Y", "verify", "-f", allowed.toString(), "-I",
                principal, "-n", "gosync-bundle", "-s", signature.toString());
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().clear();
        pb.environment().putAll(Map.of("HOME", work.toString(), "PATH", "/usr/bin:/bin", "LC_ALL", "C"));
        pb.redirectInput(manifest.toFile());
        Process p = pb.start();
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("ssh-keygen did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new ProcessResult(command, p.exitValue(), out.join(), err.join());
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                in.transferTo(buf);
                return buf.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
