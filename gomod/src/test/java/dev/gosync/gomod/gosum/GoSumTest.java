package dev.gosync.gomod.gosum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gosync.gomod.module.ModuleVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading, looking up, checking and writing go.sum files. */
class GoSumTest {
    private static final ModuleVersion A = new ModuleVersion("example.com/a", "v1.0.0");
    private static final String H_ZIP = "h1:zipzipzipzipzipzipzipzipzipzipzipzipzipzipz=";
    private static final String H_MOD = "h1:modmodmodmodmodmodmodmodmodmodmodmodmodmodm=";

    @TempDir
    Path tmp;

    @Test
    void readsZipAndGoModLines() {
        GoSum sum = parse("example.com/a v1.0.0 " + H_ZIP + "\nexample.com/a v1.0.0/go.mod " + H_MOD + "\n");
        assertEquals(Optional.of(H_ZIP), sum.zipHash(A));
        assertEquals(Optional.of(H_MOD), sum.goModHash(A));
        assertEquals(Optional.empty(), sum.zipHash(new ModuleVersion("example.com/a", "v1.0.1")));
    }

    @Test
    void blankLinesCarriageReturnsAndOddSpacingAreFine() {
        GoSum sum = parse("\n   \r\n\texample.com/a\u00a0 v1.0.0\t" + H_ZIP + "\r\n\n");
        assertEquals(List.of(H_ZIP), sum.zipHashes(A));
    }

    @Test
    void theHashOfAnEmptyGoModIsDroppedAsTheGoCommandDropsIt() {
        GoSum sum = parse("example.com/a v1.0.0/go.mod " + GoSum.EMPTY_GO_MOD_HASH + "\n");
        assertEquals(List.of(), sum.lines());
    }

    @Test
    void aLineWithoutThreeFieldsNamesFileAndLine() {
        GoSumException e = assertThrows(GoSumException.class,
                () -> GoSum.parse("dir/go.sum", bytes("example.com/a v1.0.0 " + H_ZIP + "\n\nexample.com/b v1.0.0\n")));
        assertEquals("malformed go.sum: dir/go.sum:3: wrong number of fields 2 (want 3: module path, version, hash)",
                e.getMessage());
    }

    @Test
    void invalidUtf8NamesFileAndLine() {
        byte[] data = {'a', ' ', 'b', ' ', (byte) 0xff, '\n'};
        GoSumException e = assertThrows(GoSumException.class, () -> GoSum.parse("go.sum", data));
        assertEquals("malformed go.sum: go.sum:1: not valid UTF-8", e.getMessage());
    }

    @Test
    void writesInModuleOrderWithZipLineFirstAndEachHashOnce() {
        GoSum sum = new GoSum()
                .addGoModHash(new ModuleVersion("example.com/a", "v1.10.0"), H_MOD)
                .addZipHash(new ModuleVersion("example.com/a", "v1.10.0"), H_ZIP)
                .addGoModHash(new ModuleVersion("example.com/a", "v1.9.0"), H_MOD)
                .addZipHash(new ModuleVersion("example.com/a", "v1.10.0-rc.1"), H_ZIP)
                .addZipHash(new ModuleVersion("example.com/a-b", "v1.0.0"), H_ZIP)
                .addZipHash(new ModuleVersion("example.com/a/b", "v1.0.0"), H_ZIP)
                .addZipHash(new ModuleVersion("example.com/A", "v1.0.0"), H_ZIP)
                .addZipHash(new ModuleVersion("example.com/a", "v1.10.0"), H_ZIP);
        assertEquals("""
                example.com/A v1.0.0 %1$s
                example.com/a v1.9.0/go.mod %2$s
                example.com/a v1.10.0-rc.1 %1$s
                example.com/a v1.10.0 %1$s
                example.com/a v1.10.0/go.mod %2$s
                example.com/a-b v1.0.0 %1$s
                example.com/a/b v1.0.0 %1$s
                """.formatted(H_ZIP, H_MOD), new String(sum.toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void conflictingHashesAreAllKeptAndWrittenInByteOrder() {
        GoSum sum = parse("example.com/a v1.0.0 h1:b\nexample.com/a v1.0.0 h1:a\nexample.com/a v1.0.0 h1:a\n");
        assertEquals("example.com/a v1.0.0 h1:a\nexample.com/a v1.0.0 h1:b\n", new String(sum.toBytes(), StandardCharsets.UTF_8));
        assertEquals(Optional.of("h1:a"), sum.zipHash(A));
    }

    @Test
    void checkingAHashSaysMatchMismatchOrMissing() {
        GoSum sum = parse("example.com/a v1.0.0 " + H_ZIP + "\nexample.com/a v1.0.0/go.mod h2:future\n");
        assertEquals(GoSum.Verdict.MATCH, sum.checkZip(A, H_ZIP));
        assertEquals(GoSum.Verdict.MISMATCH, sum.checkZip(A, H_MOD));
        assertEquals(GoSum.Verdict.MISSING, sum.checkGoMod(A, H_MOD));
        assertEquals(GoSum.Verdict.MISSING, sum.checkZip(new ModuleVersion("example.com/b", "v1.0.0"), H_ZIP));
    }

    @Test
    void fieldsThatCouldNotBeReadBackAreRefused() {
        assertThrows(GoSumException.class, () -> new GoSum().addZipHash(new ModuleVersion("example.com/a b", "v1.0.0"), H_ZIP));
        assertThrows(GoSumException.class, () -> new GoSum().addZipHash(new ModuleVersion("example.com/a", ""), H_ZIP));
        assertThrows(GoSumException.class, () -> new GoSum().addGoModHash(A, "h1:a\u2003b"));
    }

    @Test
    void aMissingFileIsAnEmptyGoSum() {
        assertEquals(List.of(), GoSum.read(tmp.resolve("go.sum")).lines());
    }

    private static GoSum parse(String s) {
        return GoSum.parse("go.sum", bytes(s));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
