package dev.gosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosync.bundle.archive.BundleWriter;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.bundle.sign.sshkey.KeyPairs;
import dev.gosync.bundle.sign.sshsig.SshSigSigner;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.module.ProxyLayout;
import dev.gosync.gomod.store.RevInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gosync verify}, {@code import} and {@code log} on the command line: flags, output, exit codes. */
class ImportCommandTest {
    @TempDir
    Path tmp;
    Ed25519KeyPair key;
    Path trust;
    Path bundle;
    Path mirror;
    Manifest manifest;

    @BeforeEach
    void writeBundle() throws IOException {
        key = KeyPairs.generate("release");
        trust = Files.writeString(tmp.resolve("allowed_signers"), "release " + key.publicKey().toLine().strip() + "\n");
        bundle = tmp.resolve("deps.tar.zst");
        mirror = tmp.resolve("mirror");
        manifest = write(bundle, BundleWriter.signedBy(new SshSigSigner(key)));
    }

    /** A bundle of one module version with a go.mod and an .info (no zip: enough for the command line). */
    private static Manifest write(Path target, BundleWriter writer) {
        ModuleVersion mv = new ModuleVersion("example.com/dep", "v1.0.0");
        Map<String, byte[]> files = new TreeMap<>();
        byte[] goMod = "module example.com/dep\n\ngo 1.21\n".getBytes(StandardCharsets.UTF_8);
        files.put(ProxyLayout.info(mv), new RevInfo("v1.0.0", "2024-01-02T03:04:05Z", null).toJson());
        files.put(ProxyLayout.mod(mv), goMod);
        Manifest m = Manifest.builder().channel("default").sequence(1).created(Instant.parse("2024-05-01T00:00:00Z"))
                .tool("test").signature(writer.signatureScheme())
                .file(new FileRow(ProxyLayout.info(mv), files.get(ProxyLayout.info(mv)).length,
                        sha256(files.get(ProxyLayout.info(mv))), null))
                .file(new FileRow(ProxyLayout.mod(mv), goMod.length, sha256(goMod), DirHash.hashGoMod(goMod)))
                .build();
        writer.write(m, row -> new ByteArrayInputStream(files.get(row.path())), target);
        return m;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void importsIntoANewMirrorAndSaysWhatItDid() throws IOException {
        CliRun run = CliRun.of("import", "--into", mirror.toString(), "--trust", trust.toString(), bundle.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("imported bundle " + manifest.id()), run.out());
        assertTrue(run.out().contains("signed by release (SHA256:"), run.out());
        assertTrue(run.out().contains("2 files (2 new)"), run.out());
        assertTrue(run.err().contains("checking " + bundle), run.err());
        assertEquals("v1.0.0\n", Files.readString(mirror.resolve("example.com/dep/@v/list")));

        CliRun again = CliRun.of("import", "--into", mirror.toString(), "--trust", trust.toString(), bundle.toString());
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        assertTrue(again.out().contains("was imported before; nothing changed"), again.out());
    }

    @Test
    void aFileGivenAsTheMirrorIsNamedAsAFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        CliRun run = CliRun.of("import", "--into", file.toString(), "--trust", trust.toString(), bundle.toString());
        assertEquals(ExitCodes.FAILED, run.exitCode());
        assertTrue(run.err().contains(file + " is a file, not a directory"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void jsonStillDescribesTheImportedBundlesWhenALaterOneFails() throws IOException {
        Path unsigned = tmp.resolve("unsigned.tar.zst");
        write(unsigned, BundleWriter.unsigned());
        CliRun run = CliRun.of("import", "--into", mirror.toString(), "--trust", trust.toString(), "--json", "-q",
                bundle.toString(), unsigned.toString());
        assertEquals(ExitCodes.FAILED, run.exitCode());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertEquals(1, doc.get("bundles").size());
        assertEquals("imported", doc.get("bundles").get(0).get("status").asText());
        assertEquals(unsigned.toString(), doc.get("error").get("bundle").asText());
        assertTrue(doc.get("error").get("message").asText().contains("is not signed"), run.out());
        assertTrue(doc.get("error").get("remedy").asText().contains("--allow-unsigned"), run.out());
    }

    @Test
    void verifyJsonDescribesAFailure() throws IOException {
        Path unsigned = tmp.resolve("unsigned.tar.zst");
        write(unsigned, BundleWriter.unsigned());
        CliRun run = CliRun.of("verify", "--trust", trust.toString(), "--json", "-q", unsigned.toString());
        assertEquals(ExitCodes.FAILED, run.exitCode());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertFalse(doc.get("valid").asBoolean());
        assertTrue(doc.get("error").get("message").asText().contains("is not signed"), run.out());
    }

    @Test
    void verifyMirrorAndLogOnlyReadTheMirrorEvenWhenItIsReadOnly() throws IOException {
        assertEquals(ExitCodes.OK, CliRun.of("import", "--into", mirror.toString(), "--trust", trust.toString(),
                bundle.toString()).exitCode());
        Map<String, String> before = everything(mirror);
        List<Path> dirs;
        try (var walk = Files.walk(mirror)) {
            dirs = walk.filter(Files::isDirectory).toList();
        }
        Map<Path, java.util.Set<java.nio.file.attribute.PosixFilePermission>> modes = new java.util.HashMap<>();
        for (Path d : dirs) {
            modes.put(d, Files.getPosixFilePermissions(d));
            Files.setPosixFilePermissions(d, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        try {
            CliRun verify = CliRun.of("verify", "--mirror", mirror.toString());
            assertEquals(ExitCodes.OK, verify.exitCode(), verify.err());
            assertTrue(verify.out().contains("intact"), verify.out());
            assertTrue(verify.err().contains("checking mirror " + mirror), verify.err());
            assertEquals("", CliRun.of("verify", "-q", "--mirror", mirror.toString()).err());
            CliRun log = CliRun.of("log", "--mirror", mirror.toString());
            assertEquals(ExitCodes.OK, log.exitCode(), log.err());
            assertTrue(log.out().contains(manifest.id()), log.out());
        } finally {
            for (Path d : dirs) {
                Files.setPosixFilePermissions(d, modes.get(d));
            }
        }
        // Tests may run as root, whom permissions do not stop: no file changed or appeared.
        assertEquals(before, everything(mirror));
    }

    @Test
    void verifyMirrorOfANonMirrorOrAMissingDirectorySaysItIsNoMirrorAndCreatesNothing() throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        CliRun notMirror = CliRun.of("verify", "--mirror", plain.toString());
        assertEquals(ExitCodes.FAILED, notMirror.exitCode());
        assertTrue(notMirror.err().contains("there is no gosync mirror at " + plain), notMirror.err());
        assertEquals(Map.of(), everything(plain));
        assertFalse(Files.exists(plain.resolve(".gosync")));

        CliRun missing = CliRun.of("verify", "--mirror", tmp.resolve("absent").toString());
        assertEquals(ExitCodes.FAILED, missing.exitCode());
        assertTrue(missing.err().contains("there is no gosync mirror at " + tmp.resolve("absent")), missing.err());
    }

    /** Every file, gosync's own included, by content. */
    private static Map<String, String> everything(Path root) throws IOException {
        Map<String, String> listing = new TreeMap<>();
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(p)) {
                    listing.put(root.relativize(p).toString(), sha256(Files.readAllBytes(p)));
                }
            }
        }
        return listing;
    }

    @Test
    void jsonAndQuietPrintOnlyTheDocument() throws IOException {
        CliRun run = CliRun.of("import", "--into", mirror.toString(), "--trust", trust.toString(), "--json", "-q",
                bundle.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("", run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        JsonNode b = doc.get("bundles").get(0);
        assertEquals("imported", b.get("status").asText());
        assertEquals(manifest.id(), b.get("bundleId").asText());
        assertEquals(2, b.get("newFiles").asInt());
        assertEquals("release", b.get("principals").get(0).asText());
    }

    @Test
    void anUnsignedBundleIsRefusedWithTheFlagToNameAndTheOverrideIsWarnedAndLogged() throws IOException {
        Path unsigned = tmp.resolve("unsigned.tar.zst");
        Manifest m = write(unsigned, BundleWriter.unsigned());
        CliRun refused = CliRun.of("import", "--into", mirror.toString(), "--trust", trust.toString(), unsigned.toString());
        assertEquals(ExitCodes.FAILED, refused.exitCode());
        assertTrue(refused.err().contains("is not signed"), refused.err());
        assertTrue(refused.err().contains("remedy:") && refused.err().contains("--allow-unsigned"), refused.err());
        assertFalse(Files.exists(mirror.resolve("example.com")));

        CliRun allowed = CliRun.of("import", "--into", mirror.toString(), "--trust", trust.toString(), "--allow-unsigned",
                "-q", unsigned.toString());
        assertEquals(ExitCodes.OK, allowed.exitCode(), allowed.err());
        assertTrue(allowed.err().contains("warning: --allow-unsigned: accepted although bundle " + m.id()),
                "an override is printed even with --quiet: " + allowed.err());

        CliRun log = CliRun.of("log", "--mirror", mirror.toString());
        assertEquals(ExitCodes.OK, log.exitCode(), log.err());
        assertTrue(log.out().contains("refused"), log.out());
        assertTrue(log.out().contains("override  " + m.id() + "  --allow-unsigned"), log.out());
        assertTrue(log.out().contains("imported  " + m.id()), log.out());
    }

    @Test
    void verifyChecksABundleAndWritesNothing() {
        CliRun run = CliRun.of("verify", "--trust", trust.toString(), bundle.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("bundle " + manifest.id() + " (" + bundle + ") is intact"), run.out());
        assertFalse(Files.exists(mirror));

        CliRun untrusted = CliRun.of("verify", "--trust", Path.of("/dev/null").toString(), bundle.toString());
        assertEquals(ExitCodes.FAILED, untrusted.exitCode());
        assertTrue(untrusted.err().contains("is not trusted by"), untrusted.err());
    }

    @Test
    void trustStoreLinesThatAreNeverUsedAreWarnedAbout() throws IOException {
        Files.writeString(trust, Files.readString(trust) + "*@example.com cert-authority "
                + KeyPairs.generate("ca").publicKey().toLine().strip() + "\n");
        CliRun run = CliRun.of("verify", "--trust", trust.toString(), "-q", bundle.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.err().contains("warning: ") && run.err().contains("cert-authority line ignored"), run.err());
    }

    @Test
    void verifyMirrorFindsBitRotAndExitsOne() throws IOException {
        assertEquals(ExitCodes.OK, CliRun.of("import", "--into", mirror.toString(), "--trust", trust.toString(), "-q",
                bundle.toString()).exitCode());
        CliRun clean = CliRun.of("verify", "--mirror", mirror.toString());
        assertEquals(ExitCodes.OK, clean.exitCode(), clean.err());
        assertTrue(clean.out().contains("intact"), clean.out());

        Path mod = mirror.resolve("example.com/dep/@v/v1.0.0.mod");
        mod.toFile().setWritable(true);
        Files.writeString(mod, "module example.com/dep\n\ngo 1.22\n");
        CliRun rotten = CliRun.of("verify", "--mirror", mirror.toString(), "--json");
        assertEquals(ExitCodes.FAILED, rotten.exitCode());
        JsonNode doc = new ObjectMapper().readTree(rotten.out());
        assertFalse(doc.get("intact").asBoolean());
        assertTrue(doc.get("problems").get(0).asText().startsWith("example.com/dep/@v/v1.0.0.mod: changed"),
                doc.toString());
    }

    @Test
    void logShowsBundlesAndJson() throws IOException {
        CliRun.of("import", "--into", mirror.toString(), "--trust", trust.toString(), "-q", bundle.toString());
        CliRun bundles = CliRun.of("log", "--mirror", mirror.toString(), "--bundles");
        assertTrue(bundles.out().contains(manifest.id() + "  complete  channel default #1"), bundles.out());
        assertTrue(bundles.out().contains("channel default from SHA256:"), bundles.out());
        JsonNode doc = new ObjectMapper().readTree(CliRun.of("log", "--mirror", mirror.toString(), "--json").out());
        assertEquals(manifest.id(), doc.get("bundles").get(0).get("id").asText());
        assertEquals("imported", doc.get("events").get(0).get("action").asText());
        CliRun files = CliRun.of("log", "--mirror", mirror.toString(), "--files", manifest.id());
        assertTrue(files.out().contains("example.com/dep/@v/v1.0.0.mod  "), files.out());
    }

    @Test
    void aHostileBundleFailsWithExitOneAndChangesNothing() throws IOException {
        assertEquals(ExitCodes.OK, CliRun.of("import", "--into", mirror.toString(), "--trust", trust.toString(), "-q",
                bundle.toString()).exitCode());
        Map<String, String> before = listing(mirror);
        // A signed manifest listing one file, and a symbolic link in its place.
        byte[] target = "x".getBytes(StandardCharsets.UTF_8);
        Manifest lying = Manifest.builder().channel("default").sequence(1).created(Instant.parse("2024-06-01T00:00:00Z"))
                .tool("crafted").signature(SshSigSigner.SCHEME)
                .file(new FileRow("example.com/evil/@v/v1.0.0.mod", target.length, sha256(target),
                        "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")).build();
        byte[] manifestBytes = dev.gosync.bundle.manifest.ManifestCodec.write(lying);
        java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                new com.github.luben.zstd.ZstdOutputStream(compressed))) {
            addEntry(tar, new org.apache.commons.compress.archivers.tar.TarArchiveEntry(".gosync-bundle/manifest.json"),
                    manifestBytes);
            addEntry(tar, new org.apache.commons.compress.archivers.tar.TarArchiveEntry(
                    ".gosync-bundle/manifest.json.sig"), new SshSigSigner(key).sign(manifestBytes));
            var link = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("example.com/evil/@v/v1.0.0.mod",
                    org.apache.commons.compress.archivers.tar.TarConstants.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            addEntry(tar, link, new byte[0]);
        }
        Path hostile = Files.write(tmp.resolve("hostile.tar.zst"), compressed.toByteArray());

        CliRun run = CliRun.of("import", "--into", mirror.toString(), "--trust", trust.toString(), hostile.toString());

        assertEquals(ExitCodes.FAILED, run.exitCode());
        assertTrue(run.err().contains("has a symbolic link (to \"/etc/passwd\") entry \"example.com/evil/@v/v1.0.0.mod\""),
                run.err());
        assertTrue(run.err().contains("remedy: do not use this bundle"), run.err());
        assertEquals(before, listing(mirror));
    }

    private static void addEntry(org.apache.commons.compress.archivers.tar.TarArchiveOutputStream tar,
            org.apache.commons.compress.archivers.tar.TarArchiveEntry entry, byte[] content) throws IOException {
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /** Path and sha256 of every file of the mirror's served content (its .gosync directory left out). */
    private static Map<String, String> listing(Path root) throws IOException {
        Map<String, String> listing = new TreeMap<>();
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String rel = root.relativize(p).toString();
                if (!rel.startsWith(".gosync") && Files.isRegularFile(p)) {
                    listing.put(rel, sha256(Files.readAllBytes(p)));
                }
            }
        }
        return listing;
    }

    @Test
    void usageErrors() {
        assertEquals(ExitCodes.USAGE, CliRun.of("import", bundle.toString()).exitCode(), "--into is required");
        assertEquals(ExitCodes.USAGE, CliRun.of("verify").exitCode());
        assertEquals(ExitCodes.USAGE, CliRun.of("verify", "--mirror", mirror.toString(), bundle.toString()).exitCode());
        CliRun noMirror = CliRun.of("log", "--mirror", tmp.resolve("none").toString());
        assertEquals(ExitCodes.FAILED, noMirror.exitCode());
        assertTrue(noMirror.err().contains("there is no gosync mirror"), noMirror.err());
    }
}
