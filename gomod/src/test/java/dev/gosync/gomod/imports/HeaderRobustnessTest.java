package dev.gosync.gomod.imports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any bytes at all: the readers never fail, never loop, and the header is a prefix of the file. */
class HeaderRobustnessTest {
    private static final List<String> PIECES = List.of("package", " ", "p", "\n", "import", "(", ")", "\"", "`", "\\",
            "/", "*", "//go:build ", "// +build ", "ignore", "\u0000", ";", "_", ".", "embed", "//go:embed ", "'", "\r",
            "\u00ff", "\uFEFF", "é");

    @Provide
    Arbitrary<byte[]> sources() {
        Arbitrary<byte[]> pieces = Arbitraries.of(PIECES).list().ofMaxSize(40)
                .map(l -> String.join("", l).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        return Arbitraries.oneOf(pieces, random);
    }

    @Property(tries = 3000)
    void headerIsAPrefixOfTheFileAndNothingThrows(@ForAll("sources") byte[] content) {
        ImportScan scan = ImportScan.read(content);
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        byte[] header = scan.header();
        assertTrue(header.length <= content.length - start);
        assertTrue(Arrays.equals(header, Arrays.copyOfRange(content, start, start + header.length)));
        AnyTags.shouldBuild(header);
        EmbedDirectives.patterns(content);
        scan.imports();
        VendorFiles.copied(SourceFile.of("x.go", content), "1.21");
    }
}
