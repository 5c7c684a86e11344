package dev.gosync.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.archive.TrustPolicy;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.sign.sshsig.AllowedSigners;
import dev.gosync.bundle.sign.sshsig.SshSigVerifier;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.ProcessResult;
import dev.gosync.fixtures.UpstreamProxy;
import dev.gosync.gomod.gosum.GoSum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of an export: the fixture project is exported from an upstream proxy into a signed
 * bundle, the bundle is unpacked into a mirror directory, and the real go command, with a fresh
 * module cache and that mirror as its only module source, does everything a developer on the
 * isolated side does, agreeing with the same commands run against the upstream.
 */
class ExportGoCommandTest {
    @TempDir
    static Path tmp;
    static UpstreamProxy upstream;
    static Path bundle;
    static Path mirror;
    static Manifest manifest;

    @BeforeAll
    static void exportTheFixtureProject() {
        FixtureUpstream fixtures = FixtureUpstream.get();
        upstream = UpstreamProxy.serve(fixtures.dir());
        Path project = fixtures.project(tmp.resolve("project"));
        bundle = tmp.resolve("fixture.tar.zst");
        ExportRequest request = ExportRequest.builder(bundle)
                .input(new ExportInput.Project(project))
                .signingKey(TestExports.writeKey(tmp.resolve("signing-key")))
                .cacheDir(tmp.resolve("cache"))
                .build();
        TestExports.exporter(upstream.url(), tmp).export(request, ExportListener.NONE);
        AllowedSigners trusted = AllowedSigners.parse("release@example.com " + TestExports.KEY.publicKey().toLine(),
                "test", ZoneOffset.UTC);
        mirror = tmp.resolve("mirror");
        manifest = Bundles.unpack(bundle, TrustPolicy.requireSignature(new SshSigVerifier(trusted, Clock.systemUTC())),
                mirror);
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    /** A fresh project copy and a go command that reaches nothing but the mirror. */
    private static GoSandbox offline(String name) {
        return FixtureUpstream.consumer(tmp.resolve(name + "-sandbox"), mirror.toUri().toString());
    }

    private static Path project(String name) {
        return FixtureUpstream.get().project(tmp.resolve(name + "-project"));
    }

    @Test
    void goListMAllOfflineAgreesWithTheUpstream() {
        GoSandbox online = FixtureUpstream.consumer(tmp.resolve("online-sandbox"), upstream.url());
        String expected = online.goOk(project("online"), "list", "-m", "all");
        assertEquals(expected, offline("list").goOk(project("list"), "list", "-m", "all"));
    }

    @Test
    void buildAndTestSucceedOffline() {
        Path project = project("build");
        GoSandbox go = offline("build");
        go.goOk(project, "build", "./...");
        go.goOk(project, "test", "./...");
    }

    @Test
    void modVerifyPassesOffline() {
        Path project = project("verify");
        GoSandbox go = offline("verify");
        go.goOk(project, "mod", "download", "all");
        assertTrue(go.goOk(project, "mod", "verify").contains("all modules verified"));
    }

    @Test
    void modTidyFindsNothingToChangeOffline() {
        ProcessResult tidy = offline("tidy").set("GOFLAGS", "-modcacherw").go(project("tidy"), "mod", "tidy", "-diff");
        assertTrue(tidy.succeeded(), tidy.describe());
    }

    @Test
    void modVendorSucceedsOffline() {
        Path project = project("vendor");
        offline("vendor").set("GOFLAGS", "-modcacherw").goOk(project, "mod", "vendor");
        assertTrue(Files.isRegularFile(project.resolve("vendor/modules.txt")));
    }

    @Test
    void everyZipAndModRowCarriesTheHashGoSumRecords() {
        GoSum goSum = GoSum.read(project("sums").resolve("go.sum"));
        GoSumRows.assertEveryLineHasItsRow(goSum, manifest);
    }

    @Test
    void noVersionListIsShipped() {
        assertFalse(manifest.files().stream().anyMatch(r -> r.path().endsWith("/@v/list")));
    }

    @Test
    void sshKeygenVerifiesTheSignature() throws IOException {
        Path work = Files.createDirectories(tmp.resolve("ssh-keygen"));
        ProcessResult verify = SshKeygenVerify.verify(bundle, "release@example.com",
                TestExports.KEY.publicKey().toLine(), work);
        assertTrue(verify.succeeded(), verify.describe());
        assertTrue(verify.stdout().contains("Good \"gosync-bundle\" signature for release@example.com"),
                verify.stdout());
    }
}
