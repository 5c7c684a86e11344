package dev.gosync.gomod.zip;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gosync.fixtures.FileTrees;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random, truncated and corrupted zip bytes never escape as anything but a GosyncException from
 * the zip readers (hashZip, checkZip, verify), and never hang.
 */
class ZipReaderFuzzTest {
    private static final ModuleVersion MV = new ModuleVersion("example.com/m", "v1.0.0");
    private static final List<byte[]> SEEDS = List.of(deflatedZip(), storedZip());

    private static Path scratch;

    @BeforeContainer
    static void createScratch() throws IOException {
        scratch = Files.createTempDirectory("zipfuzz");
    }

    @AfterContainer
    static void deleteScratch() throws IOException {
        FileTrees.delete(scratch);
    }

    @Property(tries = 700)
    void corruptZipsFailCleanly(@ForAll("corruptZips") byte[] bytes) throws IOException {
        Path zip = Files.write(scratch.resolve("fuzz.zip"), bytes);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            readCleanly(() -> DirHash.hashZip(zip));
            readCleanly(() -> ModuleZips.checkZip(MV, zip));
            readCleanly(() -> ModuleZips.verify(MV, zip));
        });
    }

    @Provide
    Arbitrary<byte[]> corruptZips() {
        Arbitrary<byte[]> seed = Arbitraries.of(SEEDS);
        Arbitrary<byte[]> truncated = seed.flatMap(z -> Arbitraries.integers().between(0, z.length - 1)
                .map(n -> Arrays.copyOf(z, n)));
        Arbitrary<byte[]> flipped = seed.flatMap(z -> Arbitraries.longs().map(s -> flip(z, new Random(s))));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Arbitraries.oneOf(truncated, flipped, random);
    }

    /** Overwrites a few bytes, often inside headers, where the damage is most interesting. */
    private static byte[] flip(byte[] zip, Random random) {
        byte[] out = zip.clone();
        int flips = 1 + random.nextInt(6);
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(out.length);
            out[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : out[at] ^ (1 << random.nextInt(8)));
        }
        return out;
    }

    private static void readCleanly(Runnable read) {
        try {
            read.run();
        } catch (GosyncException expected) {
            // A clean refusal is a correct outcome for damaged input.
        }
    }

    private static byte[] deflatedZip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModuleZips.create(MV, List.of(ZipSource.of("go.mod", "module example.com/m\n".getBytes(StandardCharsets.UTF_8)),
                ZipSource.of("a/b.go", "package a\n\nfunc B() {}\n".repeat(5).getBytes(StandardCharsets.UTF_8)),
                ZipSource.of("\u00fcber.txt", new byte[0])), out);
        return out.toByteArray();
    }

    private static byte[] storedZip() {
        return RawZip.bytes(List.of(RawZip.Entry.dir("example.com/m@v1.0.0/a/"),
                RawZip.Entry.file("example.com/m@v1.0.0/a/b.go", "package a\n"),
                RawZip.Entry.file("example.com/m@v1.0.0/LICENSE", "MIT")));
    }
}
