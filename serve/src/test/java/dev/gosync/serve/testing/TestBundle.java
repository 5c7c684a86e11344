package dev.gosync.serve.testing;

import dev.gosync.bundle.archive.BundleWriter;
import dev.gosync.bundle.archive.CraftedBundle;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.bundle.sign.sshsig.SshSigSigner;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Well-formed bundles of {@link ModuleFiles}, written with the real {@link BundleWriter}. */
public final class TestBundle {
    public static final Instant CREATED = Instant.parse("2024-05-01T12:00:00Z");

    private final ModuleFiles files;
    private String channel = "default";
    private long sequence = 1;
    private String parent;
    private Instant created = CREATED;
    private long partSize;

    private TestBundle(ModuleFiles files) {
        this.files = files;
    }

    public static TestBundle of(ModuleFiles files) {
        return new TestBundle(files);
    }

    /**
     * A hand-made bundle for hostile-input tests: the manifest of {@code rows} (other fields
     * fixed), signed by {@code key}; the test adds whatever tar entries it wants.
     */
    public static CraftedBundle crafted(List<FileRow> rows, Ed25519KeyPair key) {
        Manifest manifest = Manifest.builder().channel("default").sequence(1).created(CREATED)
                .tool("crafted").signature(SshSigSigner.SCHEME).files(rows).build();
        return CraftedBundle.signed(manifest, key);
    }

    public TestBundle channel(String name) {
        channel = name;
        return this;
    }

    /** Follows {@code previous}: same channel, its id as parent, its sequence plus one, created an hour later. */
    public TestBundle after(Manifest previous) {
        channel = previous.channel();
        parent = previous.id();
        sequence = previous.sequence() + 1;
        created = previous.created().plusSeconds(3600);
        return this;
    }

    public TestBundle sequence(long n, String parentId) {
        sequence = n;
        parent = parentId;
        return this;
    }

    public TestBundle created(Instant time) {
        created = time;
        return this;
    }

    public TestBundle split(long bytes) {
        partSize = bytes;
        return this;
    }

    /** The manifest for signing scheme {@code scheme} ({@link Manifest#UNSIGNED} or {@code sshsig}). */
    public Manifest manifest(String scheme) {
        return Manifest.builder().channel(channel).sequence(sequence).parent(parent).created(created)
                .tool("gosync test").signature(scheme).sources(java.util.List.of("file:///upstream"))
                .files(files.rows()).build();
    }

    /** Writes the bundle signed by {@code key}, or unsigned when null; returns its manifest. */
    public Manifest write(Path target, Ed25519KeyPair key) {
        BundleWriter writer = key == null ? BundleWriter.unsigned() : BundleWriter.signedBy(new SshSigSigner(key));
        if (partSize > 0) {
            writer = writer.withPartSize(partSize);
        }
        Manifest manifest = manifest(writer.signatureScheme());
        writer.write(manifest, row -> {
            byte[] content = files.files().get(row.path());
            if (content == null) {
                throw new FileNotFoundException(row.path());
            }
            return new ByteArrayInputStream(content);
        }, target);
        return manifest;
    }
}
