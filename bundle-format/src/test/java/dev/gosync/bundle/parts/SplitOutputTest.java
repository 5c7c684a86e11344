package dev.gosync.bundle.parts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitOutputTest {
    private static final String ID = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void bytesAreCutIntoFullPartsAndReadBackWhole() throws IOException {
        byte[] data = new byte[25];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        BundleOutput out = BundleOutput.split(dir.resolve("b"), 10);
        try (OutputStream stream = out.stream()) {
            stream.write(data, 0, 7);
            stream.write(data, 7, 18);
        }
        assertEquals(List.of(dir.resolve("b.part-0001"), dir.resolve("b.part-0002"), dir.resolve("b.part-0003"),
                dir.resolve("b.parts.json")), out.commit(ID));
        assertEquals(List.of(10L, 10L, 5L), List.of(Files.size(dir.resolve("b.part-0001")),
                Files.size(dir.resolve("b.part-0002")), Files.size(dir.resolve("b.part-0003"))));
        try (BundleInput in = BundleInput.open(dir.resolve("b")); InputStream stream = in.stream()) {
            assertArrayEquals(data, stream.readAllBytes());
            assertEquals(ID, in.expectedBundleId().orElseThrow());
        }
    }

    @Test
    void anExactMultipleLeavesNoEmptyPart() throws IOException {
        BundleOutput out = BundleOutput.split(dir.resolve("b"), 10);
        try (OutputStream stream = out.stream()) {
            stream.write(new byte[20]);
        }
        assertEquals(3, out.commit(ID).size());
    }

    @Test
    void exceedingThePartLimitFailsAndLeavesNothing() throws IOException {
        BundleOutput out = new SplitOutput(dir.resolve("b"), 10, 2);
        BundleException e = assertThrows(BundleException.class, () -> {
            try (OutputStream stream = out.stream()) {
                stream.write(new byte[21]);
            }
        });
        out.abort();
        assertEquals(Problem.IO, e.problem());
        assertTrue(e.getMessage().contains("more than 2 parts"), e.getMessage());
        assertEquals(List.of(), listing());
    }

    @Test
    void nothingIsVisibleBeforeCommit() throws IOException {
        BundleOutput out = BundleOutput.single(dir.resolve("b"));
        out.stream().write(new byte[5]);
        assertTrue(listing().stream().allMatch(n -> n.startsWith(".b.") && n.endsWith(".tmp")), listing().toString());
        out.abort();
        assertEquals(List.of(), listing());
    }
}
