package dev.gosync.gomod.module;

import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.semver.VersionStrings;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;

/** Junk input gets an answer or a GosyncException subclass, quickly, from every function of the package. */
class ModuleRobustnessTest {
    @Property(tries = 2000)
    void pathFunctionsFailOnlyWithGosyncExceptions(@ForAll("junk") String s, @ForAll("junk") String t) {
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            answersOrRejects(() -> ModulePath.checkPath(s));
            answersOrRejects(() -> ModulePath.checkImportPath(s));
            answersOrRejects(() -> ModulePath.checkFilePath(s));
            answersOrRejects(() -> ModulePath.splitPathVersion(s));
            answersOrRejects(() -> ModulePath.check(s, t));
            answersOrRejects(() -> ModulePath.checkPathMajor(t, s));
            answersOrRejects(() -> ModulePath.canonicalVersion(s));
            answersOrRejects(() -> Escaping.escapePath(s));
            answersOrRejects(() -> Escaping.unescapePath(s));
            answersOrRejects(() -> Escaping.escapeVersion(s));
            answersOrRejects(() -> Escaping.unescapeVersion(s));
            answersOrRejects(() -> ModuleVersion.ORDER.compare(new ModuleVersion(s, t), new ModuleVersion(t, s)));
        });
    }

    @Property(tries = 2000)
    void patternsFailOnlyWithBadPattern(@ForAll("junk") String pattern, @ForAll("junk") String name) {
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            try {
                PathPattern.match(pattern, name);
            } catch (PathPattern.BadPatternException expected) {
                // The one exception the contract allows.
            }
            PrefixPatterns.matches(pattern, name);
        });
    }

    @Property(tries = 2000)
    void layoutFunctionsFailOnlyWithGosyncExceptions(@ForAll("junk") String s, @ForAll("junk") String t,
                                                     @ForAll LayoutPath.Kind kind) {
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            answersOrRejects(() -> ProxyLayout.parse(s));
            answersOrRejects(() -> ProxyLayout.parse(s + "/@v/" + t + ".zip"));
            answersOrRejects(() -> new LayoutPath(kind, s, kind.perVersion() ? t : "").relativePath());
        });
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30), PathStrings.paths(), VersionStrings.versions(),
                Arbitraries.strings().withChars("/.!@v-*[]\\^?~").ofMaxLength(30));
    }

    private static void answersOrRejects(Runnable call) {
        try {
            call.run();
        } catch (GosyncException expected) {
            // Every user-facing failure is a GosyncException; anything else fails the property.
        }
    }
}
