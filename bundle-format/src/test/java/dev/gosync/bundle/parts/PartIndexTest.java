package dev.gosync.bundle.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PartIndexTest {
    private static final PartIndex INDEX = new PartIndex("0123456789abcdef0123456789abcdef",
            List.of(new PartIndex.Part(10, "a".repeat(64)), new PartIndex.Part(3, "b".repeat(64))));

    private static String text() {
        return new String(INDEX.write(), StandardCharsets.UTF_8);
    }

    private static BundleException parseError(String text) {
        return assertThrows(BundleException.class,
                () -> PartIndex.parse(text.getBytes(StandardCharsets.UTF_8), "b.parts.json"));
    }

    @Test
    void anIndexReadsBackAndRecordsTheTotal() {
        assertEquals(INDEX, PartIndex.parse(INDEX.write(), "b.parts.json"));
        assertTrue(text().contains("\"size\": 13"), text());
    }

    @Test
    void inconsistentIndexesAreRefused() {
        assertTrue(parseError(text().replace("\"size\": 13", "\"size\": 14")).getMessage().contains("add up to 13"));
        assertTrue(parseError(text().replace("\"size\":3", "\"size\":0")).getMessage().contains("positive size"));
        assertTrue(parseError(text().replace("parts/1", "parts/2")).getMessage().contains("format"));
        assertTrue(parseError(text().replace("\"bundle\"", "\"bundel\"")).getMessage().contains("unknown field"));
        assertEquals(Problem.CORRUPT, parseError("{}").problem());
    }

    @Property(tries = 1000)
    void arbitraryBytesFailCleanly(@ForAll byte[] bytes) {
        assertThrows(BundleException.class, () -> PartIndex.parse(bytes, "fuzz"));
    }

    @Property(tries = 1000)
    void damagedIndexesFailCleanlyOrStayConsistent(@ForAll @IntRange(min = 0, max = 10_000) int where,
            @ForAll byte value) {
        byte[] bytes = INDEX.write();
        bytes[where % bytes.length] = value;
        try {
            PartIndex read = PartIndex.parse(bytes, "fuzz");
            assertEquals(read.totalSize(), read.parts().stream().mapToLong(PartIndex.Part::size).sum());
        } catch (BundleException e) {
            assertEquals(Problem.CORRUPT, e.problem());
        }
    }
}
