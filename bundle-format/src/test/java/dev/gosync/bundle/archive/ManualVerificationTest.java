package dev.gosync.bundle.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.testing.SshKeygen;
import dev.gosync.bundle.testing.TestBundles;
import dev.gosync.fixtures.ExternalTool;
import dev.gosync.fixtures.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An administrator can unpack and check a bundle with standard tools alone. */
class ManualVerificationTest {
    @TempDir
    Path dir;

    @Test
    void tarExtractsItAndSshKeygenVerifiesTheManifest() throws IOException {
        ExternalTool tar = ExternalTool.require("tar");
        ExternalTool.require("zstd");
        SshKeygen sshKeygen = SshKeygen.require(dir);
        TestBundles files = TestBundles.sample().add("example.com/" + "long/".repeat(30) + "@v/list", "v1.0.0\n");
        Bundles.writeSigned(files, dir, "b.tar.zst");
        Path out = Files.createDirectory(dir.resolve("out"));
        tar.run(dir, null, "--zstd", "-xf", dir.resolve("b.tar.zst").toString(), "-C", out.toString()).orThrow();
        for (String path : files.files().keySet()) {
            assertArrayEquals(files.content(path), Files.readAllBytes(out.resolve(path)), path);
        }
        Path allowed = Files.writeString(dir.resolve("allowed_signers"),
                "release@example.com " + Bundles.KEY.publicKey().toLine() + "\n");
        ProcessResult verify = sshKeygen.run(out.resolve(BundleLayout.MANIFEST_ENTRY), "-Y", "verify", "-f",
                allowed.toString(), "-I", "release@example.com", "-n", "gosync-bundle", "-s",
                out.resolve(BundleLayout.SIGNATURE_ENTRY).toString());
        assertTrue(verify.succeeded(), verify.describe());
        ProcessResult listing = tar.run(dir, null, "--zstd", "-tvf", dir.resolve("b.tar.zst").toString()).orThrow();
        assertTrue(listing.stdout().lines().allMatch(l -> l.startsWith("-rw-r--r-- 0/0")), listing.stdout());
    }
}
