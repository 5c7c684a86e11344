package dev.gosync.gomod.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gosync.gomod.semver.VersionStrings;
import dev.gosync.gomod.semver.XModOracle;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ModuleVersionTest {
    @Test
    void printsAsPathAtVersion() {
        assertEquals("golang.org/x/text@v0.3.0", new ModuleVersion("golang.org/x/text", "v0.3.0").toString());
    }

    @Test
    void printsJustThePathWithoutVersion() {
        assertEquals("example.com/main", new ModuleVersion("example.com/main", "").toString());
    }

    @Test
    void rejectsNull() {
        assertThrows(NullPointerException.class, () -> new ModuleVersion("example.com/x", null));
    }

    @Test
    void ordersByPathThenVersionPrecedenceThenFileSuffix() {
        List<ModuleVersion> list = new ArrayList<>(List.of(
                new ModuleVersion("b.com/x", "v1.0.0"),
                new ModuleVersion("a.com/x", "v1.10.0"),
                new ModuleVersion("a.com/x", "v1.9.0/go.mod"),
                new ModuleVersion("a.com/x", "v1.9.0")));
        list.sort(ModuleVersion.ORDER);
        assertEquals(List.of(
                new ModuleVersion("a.com/x", "v1.9.0"),
                new ModuleVersion("a.com/x", "v1.9.0/go.mod"),
                new ModuleVersion("a.com/x", "v1.10.0"),
                new ModuleVersion("b.com/x", "v1.0.0")), list);
    }

    /**
     * The comparator agrees in sign with module.Sort's on every pair. Sorting whole lists is not
     * compared: with non-canonical spellings (v1.2, v1.2.0, v1.2/go.mod) x/mod's order is not
     * transitive, so the outcome depends on the sorting algorithm.
     */
    @Property(tries = 1500)
    void comparesGeneratedPairsAsXModSortDoes(@ForAll("modules") ModuleVersion a, @ForAll("modules") ModuleVersion b) {
        assertEquals(xmodSign(a, b), Integer.signum(ModuleVersion.ORDER.compare(a, b)), () -> a + " vs " + b);
    }

    /** The sign of x/mod's comparison, read from sorting the pair in both orders (insertion sort moves only on "less"). */
    private static int xmodSign(ModuleVersion a, ModuleVersion b) {
        boolean bLess = pairIsSwapped(a, b);
        boolean aLess = pairIsSwapped(b, a);
        return aLess ? -1 : bLess ? 1 : 0;
    }

    private static boolean pairIsSwapped(ModuleVersion first, ModuleVersion second) {
        JsonNode sorted = XModOracle.ask("module.Sort", first.path(), first.version(), second.path(), second.version())
                .get("result");
        List<String> firstAsReturned = List.of(XModOracle.asReturned(first.path()), XModOracle.asReturned(first.version()));
        return !List.of(sorted.get(0).asText(), sorted.get(1).asText()).equals(firstAsReturned);
    }

    @Provide
    Arbitrary<ModuleVersion> modules() {
        Arbitrary<String> paths = Arbitraries.of("a.com/x", "a.com/x/v2", "a.com/X", "b.com", "\uFF01.com",
                "\uD83D\uDE00.com", "\uD800", "");
        Arbitrary<String> versions = Arbitraries.oneOf(VersionStrings.versions(),
                VersionStrings.versions().map(v -> v + "/go.mod"),
                Arbitraries.of("v1.2", "v1.2.0", "v1.2.0/go.mod", "v1.2/go.mod", "", "none"));
        return Combinators.combine(paths, versions).as(ModuleVersion::new);
    }
}
