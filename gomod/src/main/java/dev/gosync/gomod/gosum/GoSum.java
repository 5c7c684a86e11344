package dev.gosync.gomod.gosum;

import dev.gosync.gomod.GoFields;
import dev.gosync.gomod.GoStrings;
import dev.gosync.gomod.GoUnicode;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The checksums of a go.sum file: for each module version, the hashes of its zip and of its
 * go.mod file. Reading follows the go command: blank lines are skipped, any other line needs
 * exactly three fields, and the hash of an empty go.mod (written by an old go command bug) is
 * dropped. Writing follows it too: module order (path bytes, then semantic version, the zip line
 * before the {@code /go.mod} line), each distinct hash once. Not thread-safe.
 */
public final class GoSum {
    /** The h1 of an empty go.mod; old go commands wrongly recorded it for non-modules. */
    public static final String EMPTY_GO_MOD_HASH = "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=";

    private static final String GO_MOD_SUFFIX = "/go.mod";
    private static final String H1 = "h1:";
    /** module.Sort order; versions it finds equal (v1.2 and v1.2.0) fall back to byte order so writing is deterministic. */
    private static final Comparator<ModuleVersion> LINE_ORDER = ModuleVersion.ORDER
            .thenComparing(ModuleVersion::version, GoStrings.BYTE_ORDER);

    /** What go.sum says about one hash the go command has just computed. */
    public enum Verdict {
        /** go.sum records exactly this hash. */
        MATCH,
        /** go.sum records a different hash of the same kind: the content is not what was recorded. */
        MISMATCH,
        /** go.sum records nothing of this kind for the module version. */
        MISSING
    }

    /** Keys use the go.sum version field, so a go.mod hash lives under {@code version + "/go.mod"}. */
    private final Map<ModuleVersion, TreeSet<String>> sums = new HashMap<>();

    /** An empty go.sum. */
    public GoSum() {
    }

    /**
     * Reads a go.sum file; a missing file is an empty go.sum, as for the go command.
     *
     * @throws GoSumException naming file and line of the first malformed line
     */
    public static GoSum read(Path file) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new GoSum();
        } catch (IOException e) {
            throw new GoSumException("cannot read " + file + ": " + e.getMessage(), "check that it is readable", e);
        }
        return parse(file.toString(), data);
    }

    /**
     * Parses go.sum content; fileName only labels errors.
     *
     * @throws GoSumException naming fileName and line of the first malformed line
     */
    public static GoSum parse(String fileName, byte[] data) {
        GoSum sum = new GoSum();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int lineNo = 0;
        int start = 0;
        while (start < data.length) {
            lineNo++;
            int end = start;
            while (end < data.length && data[end] != '\n') {
                end++;
            }
            String line;
            try {
                line = utf8.decode(ByteBuffer.wrap(data, start, end - start)).toString();
            } catch (CharacterCodingException e) {
                throw malformed(fileName, lineNo, "not valid UTF-8");
            }
            start = end + 1;
            List<String> fields = GoFields.split(line);
            if (fields.isEmpty()) {
                continue;
            }
            if (fields.size() != 3) {
                throw malformed(fileName, lineNo, "wrong number of fields " + fields.size()
                        + " (want 3: module path, version, hash)");
            }
            if (!fields.get(2).equals(EMPTY_GO_MOD_HASH)) {
                sum.addLine(fields.get(0), fields.get(1), fields.get(2));
            }
        }
        return sum;
    }

    /** The hashes recorded for the zip of mv, in byte order (normally one h1). */
    public List<String> zipHashes(ModuleVersion mv) {
        return hashes(mv.path(), mv.version());
    }

    /** The hashes recorded for the go.mod of mv, in byte order (normally one h1). */
    public List<String> goModHashes(ModuleVersion mv) {
        return hashes(mv.path(), mv.version() + GO_MOD_SUFFIX);
    }

    /** The h1 hash of mv's zip; if go.sum holds several (a conflict), the first in byte order. */
    public Optional<String> zipHash(ModuleVersion mv) {
        return firstH1(zipHashes(mv));
    }

    /** The h1 hash of mv's go.mod; if go.sum holds several (a conflict), the first in byte order. */
    public Optional<String> goModHash(ModuleVersion mv) {
        return firstH1(goModHashes(mv));
    }

    /** Checks a freshly computed zip hash against go.sum as the go command does. */
    public Verdict checkZip(ModuleVersion mv, String hash) {
        return verdict(zipHashes(mv), hash);
    }

    /** Checks a freshly computed go.mod hash against go.sum as the go command does. */
    public Verdict checkGoMod(ModuleVersion mv, String hash) {
        return verdict(goModHashes(mv), hash);
    }

    /**
     * Records the hash of mv's zip. A second, different hash for the same zip is kept too, as the
     * go command keeps it; {@link #checkZip} then reports the conflict.
     *
     * @throws GoSumException if a field is empty or holds white space and so could not be read back
     */
    public GoSum addZipHash(ModuleVersion mv, String hash) {
        checkField("module path", mv.path());
        checkField("version", mv.version());
        return addLine(mv.path(), mv.version(), checkField("hash", hash));
    }

    /** Records the hash of mv's go.mod file; see {@link #addZipHash}. */
    public GoSum addGoModHash(ModuleVersion mv, String hash) {
        checkField("module path", mv.path());
        checkField("version", mv.version());
        return addLine(mv.path(), mv.version() + GO_MOD_SUFFIX, checkField("hash", hash));
    }

    /** Every line, in the order the go command writes them. */
    public List<GoSumLine> lines() {
        List<ModuleVersion> keys = new ArrayList<>(sums.keySet());
        keys.sort(LINE_ORDER);
        List<GoSumLine> lines = new ArrayList<>();
        for (ModuleVersion key : keys) {
            for (String hash : sums.get(key)) {
                lines.add(new GoSumLine(key.path(), key.version(), hash));
            }
        }
        return lines;
    }

    /** The file content the go command would write for these sums. */
    public byte[] toBytes() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            write(buf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    /** Writes the file content to out, one line at a time; out stays open. */
    public void write(OutputStream out) throws IOException {
        for (GoSumLine line : lines()) {
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private GoSum addLine(String path, String version, String hash) {
        sums.computeIfAbsent(new ModuleVersion(path, version), k -> new TreeSet<>(GoStrings.BYTE_ORDER)).add(hash);
        return this;
    }

    private List<String> hashes(String path, String version) {
        TreeSet<String> set = sums.get(new ModuleVersion(path, version));
        return set == null ? List.of() : List.copyOf(set);
    }

    private static Optional<String> firstH1(List<String> hashes) {
        return hashes.stream().filter(h -> h.startsWith(H1)).findFirst();
    }

    private static Verdict verdict(List<String> recorded, String hash) {
        if (recorded.contains(hash)) {
            return Verdict.MATCH;
        }
        int colon = hash.indexOf(':');
        String algorithm = colon < 0 ? hash : hash.substring(0, colon + 1);
        return recorded.stream().anyMatch(h -> h.startsWith(algorithm)) ? Verdict.MISMATCH : Verdict.MISSING;
    }

    private static String checkField(String what, String value) {
        if (value.isEmpty() || value.codePoints().anyMatch(GoUnicode::isSpace) || !GoStrings.isValidUtf8(value)) {
            throw new GoSumException("cannot record " + what + " " + GoStrings.quote(value)
                    + " in go.sum: it must be non-empty valid UTF-8 without white space",
                    "this is a bug in the caller; report it", null);
        }
        return value;
    }

    private static GoSumException malformed(String fileName, int lineNo, String what) {
        return new GoSumException("malformed go.sum: " + fileName + ":" + lineNo + ": " + what,
                "fix or delete the line; 'go mod tidy' rewrites go.sum", null);
    }
}
