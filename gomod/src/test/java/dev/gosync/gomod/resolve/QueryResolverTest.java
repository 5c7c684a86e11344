package dev.gosync.gomod.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.LayoutStore;
import dev.gosync.gomod.store.ModuleNotFoundException;
import dev.gosync.gomod.store.ModuleSource;
import dev.gosync.gomod.store.RevInfo;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.junit.jupiter.api.Test;

/** Query rules the go command cannot show through a file proxy, and robustness. */
class QueryResolverTest {
    private Path dir;
    private QueryResolver resolver;

    @BeforeProperty
    void publish() throws Exception {
        dir = Files.createTempDirectory("queries");
        ProxyDir proxy = new ProxyDir(dir.resolve("proxy"));
        for (String v : List.of("v1.0.0", "v1.1.0-rc.1", "v1.1.0", "v2.0.0+incompatible")) {
            proxy.add(new ModuleVersion("example.com/m", v), "module example.com/m\n\ngo 1.21\n");
        }
        resolver = new QueryResolver(LayoutStore.open(proxy.root()));
    }

    @AfterProperty
    void cleanUp() throws Exception {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Property(tries = 1000)
    void anyQueryResolvesOrFailsCleanly(@ForAll("queries") String query, @ForAll("currents") String current) {
        ModuleQuery q;
        try {
            q = ModuleQuery.parse("example.com/m@" + query);
        } catch (ModuleQueryException e) {
            return;
        }
        try {
            ResolvedQuery r = resolver.resolve(q, current);
            assertEquals("example.com/m", r.module().path());
        } catch (GosyncException expected) {
            // a clean refusal is the other acceptable outcome
        }
    }

    @Provide
    Arbitrary<String> queries() {
        return Arbitraries.oneOf(Arbitraries.of("latest", "upgrade", "patch", "v1", "v1.1", "<v1.1.0", ">=v1.1.0-rc.1"),
                Arbitraries.strings().withChars("v0123456789.-+<>=rcbranch").ofMaxLength(14), Arbitraries.strings());
    }

    @Provide
    Arbitrary<String> currents() {
        return Arbitraries.of("", "none", "v1.0.0", "v1.1.0-rc.1", "v0.0.0-20240201000000-0123456789ab", "v9", "bad");
    }

    /** A source with an {@code @latest} answer and no tags, as a proxy in front of an untagged repository. */
    private static ModuleSource untagged(String latest) {
        return new ModuleSource() {
            @Override
            public List<String> versions(String modulePath) {
                return List.of();
            }

            @Override
            public RevInfo info(ModuleVersion version) {
                if (!version.version().equals(latest)) {
                    throw new ModuleNotFoundException(version + ": not found");
                }
                return new RevInfo(latest, "2024-02-01T00:00:00Z", null);
            }

            @Override
            public RevInfo query(String modulePath, String query) {
                throw new ModuleNotFoundException(modulePath + "@" + query + ": not found");
            }

            @Override
            public Optional<RevInfo> latest(String modulePath) {
                return Optional.of(new RevInfo(latest, "2024-02-01T00:00:00Z", null));
            }

            @Override
            public InputStream goMod(ModuleVersion version) {
                return InputStream.nullInputStream();
            }

            @Override
            public InputStream zip(ModuleVersion version) {
                return InputStream.nullInputStream();
            }

            @Override
            public String describe() {
                return "test source";
            }
        };
    }

    @Test
    void withoutTagsLatestIsTheSourcesLatestRevision() {
        String pseudo = "v0.0.0-20240201000000-0123456789ab";
        ResolvedQuery r = new QueryResolver(untagged(pseudo)).resolve(ModuleQuery.parse("example.com/m@latest"));
        assertEquals(pseudo, r.module().version());
        assertTrue(r.listRead());
    }

    @Test
    void aVersionPrefixDoesNotFallBackToTheLatestRevision() {
        String pseudo = "v0.0.0-20240201000000-0123456789ab";
        ModuleQueryException e = assertThrows(ModuleQueryException.class,
                () -> new QueryResolver(untagged(pseudo)).resolve(ModuleQuery.parse("example.com/m@v0")));
        assertEquals("module example.com/m: no matching versions for query \"v0\"", e.getMessage());
    }
}
