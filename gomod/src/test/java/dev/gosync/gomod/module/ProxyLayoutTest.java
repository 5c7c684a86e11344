package dev.gosync.gomod.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.semver.InvalidVersionException;
import dev.gosync.gomod.semver.VersionStrings;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProxyLayoutTest {
    private static final ModuleVersion AZURE = new ModuleVersion("github.com/Azure/sdk", "v1.0.0-RC1");

    @Test
    void perModuleFilesUseTheEscapedPath() {
        assertEquals("github.com/!azure/sdk/@v/list", ProxyLayout.list("github.com/Azure/sdk"));
        assertEquals("github.com/!azure/sdk/@latest", ProxyLayout.latest("github.com/Azure/sdk"));
    }

    @Test
    void perVersionFilesEscapePathAndVersion() {
        assertEquals("github.com/!azure/sdk/@v/v1.0.0-!r!c1.info", ProxyLayout.info(AZURE));
        assertEquals("github.com/!azure/sdk/@v/v1.0.0-!r!c1.mod", ProxyLayout.mod(AZURE));
        assertEquals("github.com/!azure/sdk/@v/v1.0.0-!r!c1.zip", ProxyLayout.zip(AZURE));
    }

    @Test
    void incompatibleVersionsKeepTheirPlus() {
        assertEquals("example.com/x/@v/v2.0.0+incompatible.zip",
                ProxyLayout.zip(new ModuleVersion("example.com/x", "v2.0.0+incompatible")));
    }

    @Test
    void nonCanonicalVersionsHaveNoFiles() {
        InvalidVersionException e = assertThrows(InvalidVersionException.class,
                () -> ProxyLayout.info(new ModuleVersion("example.com/x", "v1.2")));
        assertEquals("example.com/x@v1.2: invalid version: not canonical (the canonical form is v1.2.0)", e.getMessage());
        assertThrows(InvalidVersionException.class, () -> ProxyLayout.mod(new ModuleVersion("example.com/x", "master")));
    }

    @Test
    void versionsMustSuitTheMajorVersionSuffix() {
        assertThrows(InvalidVersionException.class, () -> ProxyLayout.zip(new ModuleVersion("example.com/x/v2", "v1.0.0")));
    }

    @Test
    void parseClassifiesEachKind() {
        assertEquals(new LayoutPath(LayoutPath.Kind.LIST, "github.com/Azure/sdk", ""),
                ProxyLayout.parse("github.com/!azure/sdk/@v/list"));
        assertEquals(new LayoutPath(LayoutPath.Kind.LATEST, "github.com/Azure/sdk", ""),
                ProxyLayout.parse("github.com/!azure/sdk/@latest"));
        assertEquals(new LayoutPath(LayoutPath.Kind.INFO, AZURE.path(), AZURE.version()),
                ProxyLayout.parse("github.com/!azure/sdk/@v/v1.0.0-!r!c1.info"));
        assertEquals(new LayoutPath(LayoutPath.Kind.MOD, "gopkg.in/yaml.v2", "v2.4.0"),
                ProxyLayout.parse("gopkg.in/yaml.v2/@v/v2.4.0.mod"));
        assertEquals(new LayoutPath(LayoutPath.Kind.ZIP, "example.com/x", "v2.0.0+incompatible"),
                ProxyLayout.parse("example.com/x/@v/v2.0.0+incompatible.zip"));
    }

    @Test
    void perModuleFilesTakeNoVersion() {
        assertThrows(IllegalArgumentException.class, () -> new LayoutPath(LayoutPath.Kind.LIST, "example.com/x", "v1.0.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "@v/list", "/@v/list", "/example.com/x/@v/list", "example.com//x/@v/list", "example.com/x/@v/list/",
        "../example.com/@v/list", "example.com/../@v/list", "example.com/x/../../etc/@v/list", "example.com/./x/@v/list",
        "example.com/x/@v/../../../etc/passwd.zip", "example.com/x/@v/..", "example.com/x/@v/.zip",
        "example.com/x/@v/v1.0.0/../v1.0.0.zip", "example.com/x/@v/v1.0.0.zip/../list",
        "example.com/%2e%2e/@v/list", "example.com/x/@v/v1.0.0%2fzip.info", "example.com/x/@v/%2e%2e.zip",
        "example.com/x\\..\\y/@v/list", "example.com\\x/@v/list", "example.com/x/@v/v1.0.0\\.zip",
        "Example.com/@v/list", "github.com/Azure/sdk/@v/list", "example.com/x!/@v/list", "example.com/!/@v/list",
        "example.com/!!x/@v/list", "example.com/!1/@v/list", "example.com/x/@v/V1.0.0.info",
        "example.com/x/@v/v1.0.0-RC1.info", "example.com/x/@v/v1.0.0!.info", "example.com/x/@v/v1.0.0-!.info",
        "example.com/x/@v/v1.0.0.INFO", "example.com/x/@v/v1.0.0.zip.partial", "example.com/x/@v/v1.0.0.lock",
        "example.com/x/@v/v1.0.0.ziphash", "example.com/x/@v/list.lock", "example.com/x/@v/", "example.com/x/@v",
        "example.com/x/@latest/", "example.com/x", "example.com/x/@v/@v/list", "example.com/@v/x/@v/list",
        "example.com/x/@v/v1.2.info", "example.com/x/@v/v1.2.3+meta.info", "example.com/x/@v/v2.0.0.info",
        "example.com/x/v2/@v/v1.0.0.mod", "example.com/x/v1/@v/v1.0.0.mod", "example.com/x/@v/master.info",
        "example.com/x/@v/v1.0.0.info\u0000", "example.com/x\u0000/@v/list", " example.com/x/@v/list",
        "example.com/con/@v/list", "example.com/x~1/@v/list", "example.com/é/@v/list", "example.com/x/@v/vé.zip",
        "example.com/\uD800/@v/list", "gopkg.in/yaml/@v/list", "sumdb/sum.example.com/supported",
        "example.com/x/@v/v1.0.0.info?x=1", "example.com/x/@v/v1.0.0.info#x", "C:/example.com/@v/list",
        "example.com/x/@V/list", "example.com/x/@LATEST"})
    void hostilePathsAreRejected(String relativePath) {
        ProxyLayout.InvalidLayoutPathException e =
                assertThrows(ProxyLayout.InvalidLayoutPathException.class, () -> ProxyLayout.parse(relativePath));
        assertEquals(relativePath, e.relativePath());
        assertTrue(e.getMessage().startsWith("not a module proxy path "), e.getMessage());
    }

    @Property(tries = 1000)
    void everyFileOfAValidModuleVersionParsesBackToItself(@ForAll("layoutPaths") LayoutPath file) {
        String relative = file.relativePath();
        assertEquals(file, ProxyLayout.parse(relative));
        assertTrue(Arrays.stream(relative.split("/", -1)).noneMatch(e -> e.isEmpty() || e.equals(".") || e.equals("..")),
                relative);
    }

    /** Strictness: whatever parse accepts is exactly what the layout would write for it. */
    @Property(tries = 3000)
    void parseAcceptsOnlyPathsInTheirOneCanonicalSpelling(@ForAll("layoutLike") String relativePath) {
        LayoutPath parsed;
        try {
            parsed = ProxyLayout.parse(relativePath);
        } catch (ProxyLayout.InvalidLayoutPathException rejected) {
            return;
        }
        assertEquals(relativePath, parsed.relativePath());
    }

    @Provide
    Arbitrary<LayoutPath> layoutPaths() {
        Arbitrary<String> paths = PathStrings.paths().filter(ProxyLayoutTest::isModulePath);
        Arbitrary<String> versions = VersionStrings.versions();
        return Combinators.combine(Arbitraries.of(LayoutPath.Kind.class), paths, versions)
                .as((kind, path, version) -> kind.perVersion()
                        ? new LayoutPath(kind, path, ModulePath.canonicalVersion(version))
                        : new LayoutPath(kind, path, ""))
                .filter(ProxyLayoutTest::isWritable);
    }

    @Provide
    Arbitrary<String> layoutLike() {
        Arbitrary<String> escapedPaths = Arbitraries.oneOf(
                PathStrings.paths(),
                PathStrings.paths().filter(ProxyLayoutTest::isModulePath).map(Escaping::escapePath));
        Arbitrary<String> files = Arbitraries.oneOf(
                Arbitraries.of("/@v/list", "/@latest", "/@v/", "/@v/list/", "/@latest/"),
                Combinators.combine(VersionStrings.versions(), Arbitraries.of(".info", ".mod", ".zip", ".lock", ""))
                        .as((v, ext) -> "/@v/" + v.replace("V", "!v") + ext));
        return Combinators.combine(escapedPaths, files).as(String::concat);
    }

    private static boolean isModulePath(String path) {
        try {
            ModulePath.checkPath(path);
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean isWritable(LayoutPath file) {
        try {
            file.relativePath();
            return true;
        } catch (GosyncException e) {
            return false;
        }
    }
}
