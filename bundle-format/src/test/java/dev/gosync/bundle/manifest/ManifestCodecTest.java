package dev.gosync.bundle.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.testing.TestBundles;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ManifestCodecTest {
    private static final String SHA = "ab".repeat(32);

    private final Manifest sample = TestBundles.sample().manifest(Manifest.UNSIGNED).build();

    private static String text(Manifest m) {
        return new String(ManifestCodec.write(m), StandardCharsets.UTF_8);
    }

    private static ManifestException parseError(String text) {
        return assertThrows(ManifestException.class, () -> ManifestCodec.parse(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parsingWhatWasWrittenGivesTheSameManifest() {
        assertEquals(sample, ManifestCodec.parse(ManifestCodec.write(sample)));
    }

    @Test
    void theCanonicalLayoutHasSortedKeysOneMemberPerLineAndAFinalNewline() {
        Manifest m = Manifest.builder().channel("stable").sequence(3).created(TestBundles.CREATED).tool("gosync 1")
                .sources(List.of("https://proxy.example.com"))
                .file(new FileRow("example.com/a/@v/v1.0.0.mod", 12, SHA, "h1:" + "B".repeat(43) + "="))
                .file(new FileRow("example.com/a/@v/v1.0.0.info", 5, SHA, null))
                .build();
        String expected = "{\n"
                + "  \"channel\": \"stable\",\n"
                + "  \"created\": \"2024-05-01T12:00:00Z\",\n"
                + "  \"files\": [\n"
                + "    {\"h1\":null,\"path\":\"example.com/a/@v/v1.0.0.info\",\"sha256\":\"" + SHA + "\",\"size\":5},\n"
                + "    {\"h1\":\"h1:" + "B".repeat(43) + "=\",\"path\":\"example.com/a/@v/v1.0.0.mod\",\"sha256\":\""
                + SHA + "\",\"size\":12}\n"
                + "  ],\n"
                + "  \"format\": \"gosync-bundle/1\",\n"
                + "  \"id\": \"" + m.id() + "\",\n"
                + "  \"parent\": null,\n"
                + "  \"sequence\": 3,\n"
                + "  \"signature\": \"none\",\n"
                + "  \"sources\": [\n"
                + "    \"https://proxy.example.com\"\n"
                + "  ],\n"
                + "  \"tool\": \"gosync 1\"\n"
                + "}\n";
        assertEquals(expected, text(m));
    }

    @Test
    void theIdIsTheSha256OfTheManifestWithoutItsIdLine() {
        String withoutId = text(sample).replace("  \"id\": \"" + sample.id() + "\",\n", "");
        String digest = HexFormat.of().formatHex(TestBundles.sha256(withoutId.getBytes(StandardCharsets.UTF_8)));
        assertEquals(digest.substring(0, 32), sample.id());
    }

    @Test
    void anyChangeOfContentChangesTheId() {
        TestBundles files = TestBundles.sample();
        String id = files.manifest(Manifest.UNSIGNED).build().id();
        assertEquals(id, files.manifest(Manifest.UNSIGNED).build().id());
        assertNotEquals(id, files.manifest(Manifest.UNSIGNED).sequence(8).build().id());
        assertNotEquals(id, files.manifest(Manifest.UNSIGNED).channel("beta").build().id());
        assertNotEquals(id, files.manifest(Manifest.UNSIGNED).parent(null).build().id());
        assertNotEquals(id, files.manifest("sshsig").build().id());
        assertNotEquals(id, files.manifest(Manifest.UNSIGNED).sources(List.of()).build().id());
        assertNotEquals(id, TestBundles.sample().add("z/file", "z").manifest(Manifest.UNSIGNED).build().id());
    }

    @Test
    void aNewerFormatIsRefusedByName() {
        ManifestException e = parseError(text(sample).replace("gosync-bundle/1", "gosync-bundle/2"));
        assertTrue(e.getMessage().contains("format gosync-bundle/2"), e.getMessage());
        assertTrue(e.remedy().contains("gosync-bundle/2"), e.remedy());
    }

    @Test
    void aDocumentWithoutOurFormatIsNotAManifest() {
        assertTrue(parseError("{\"format\": \"other/1\"}").getMessage().contains("not a gosync bundle manifest"));
        assertTrue(parseError("{}").getMessage().contains("not a gosync bundle manifest"));
        assertTrue(parseError("{\"format\": \"gosync-bundle/01\"}").getMessage().contains("unrecognised format"));
    }

    @Test
    void unknownAndMissingFieldsAreRefused() {
        assertTrue(parseError(text(sample).replace("\"tool\":", "\"extra\": 1,\n  \"tool\":")).getMessage()
                .contains("unknown field(s) [extra]"));
        assertTrue(parseError(text(sample).replace("  \"sequence\": 7,\n", "")).getMessage()
                .contains("lacks field(s) [sequence]"));
        assertTrue(parseError(text(sample).replace("\"h1\":null,", "")).getMessage()
                .contains("manifest file row 1 lacks field(s) [h1]"));
    }

    @Test
    void duplicateKeysAreRefused() {
        ManifestException e = parseError(text(sample).replace("\"sequence\": 7,", "\"sequence\": 7,\n  \"sequence\": 7,"));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void duplicatePathsAreRefused() {
        String text = text(sample);
        int start = text.indexOf("    {");
        String firstRow = text.substring(start, text.indexOf('\n', start) + 1);
        assertTrue(parseError(text.replace(firstRow, firstRow + firstRow)).getMessage().contains("duplicate file"));
    }

    @Test
    void fractionalOrNegativeNumbersAreRefused() {
        assertTrue(parseError(text(sample).replace("\"sequence\": 7", "\"sequence\": 7.0")).getMessage()
                .contains("whole number"));
        assertTrue(parseError(text(sample).replace("\"sequence\": 7", "\"sequence\": -7")).getMessage()
                .contains("whole number"));
        assertTrue(parseError(text(sample).replace("\"sequence\": 7", "\"sequence\": 99999999999999999999"))
                .getMessage().contains("whole number"));
    }

    @Test
    void anAlteredManifestNoLongerMatchesItsId() {
        Manifest other = TestBundles.sample().manifest(Manifest.UNSIGNED).sequence(8).build();
        String forged = text(other).replace(other.id(), sample.id());
        assertTrue(parseError(forged).getMessage().contains("was altered"));
    }

    @Test
    void aManifestInAnotherLayoutIsRefused() {
        ManifestException e = parseError(text(sample).replace("\"sequence\": 7", "\"sequence\" : 7"));
        assertTrue(e.getMessage().contains("not in canonical form"), e.getMessage());
        assertTrue(parseError(text(sample) + "\n").getMessage().contains("not in canonical form"));
    }

    @Test
    void trailingContentAndNonObjectsAndBadUtf8AreRefused() {
        assertTrue(parseError(text(sample) + "{}").getMessage().contains("not valid JSON"));
        assertTrue(parseError("[1]").getMessage().contains("not a JSON object"));
        assertTrue(parseError("").getMessage().contains("not"));
        byte[] bad = text(sample).replace("stable", "stabl\u00ff").getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(ManifestException.class, () -> ManifestCodec.parse(bad));
    }

    @Test
    void rowValuesAreCheckedWhenParsing() {
        String text = text(sample);
        String path = sample.files().get(0).path();
        assertTrue(parseError(text.replace(path, "../" + path)).getMessage().contains("\"..\" element"));
        assertTrue(parseError(text.replace(path, "/" + path)).getMessage().contains("absolute"));
    }

    @Property(tries = 1000)
    void arbitraryBytesNeverParseAndFailCleanly(@ForAll byte[] bytes) {
        assertThrows(ManifestException.class, () -> ManifestCodec.parse(bytes));
    }

    @Property(tries = 1000)
    void aChangedByteIsAlwaysDetected(@ForAll @IntRange(min = 0, max = 10_000) int where,
            @ForAll byte value) {
        byte[] bytes = ManifestCodec.write(sample);
        int at = where % bytes.length;
        byte[] changed = bytes.clone();
        changed[at] = value;
        if (changed[at] == bytes[at]) {
            assertArrayEquals(bytes, ManifestCodec.write(ManifestCodec.parse(changed)));
        } else {
            assertThrows(ManifestException.class, () -> ManifestCodec.parse(changed));
        }
    }
}
