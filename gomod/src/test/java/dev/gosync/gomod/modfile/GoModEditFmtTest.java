package dev.gosync.gomod.modfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gosync.gomod.modfile.Corpus.Case;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential: our parsers and formatter against the real {@code go mod edit} and
 * {@code go work edit}, on the corpus in every layout variant and on files with unusual bytes.
 * {@code -fmt} output must match byte for byte and {@code -json} output value for value; files
 * the go command refuses must make our parser throw, with the go command's messages.
 */
class GoModEditFmtTest {

    @TestFactory
    Stream<DynamicTest> goModEditAndModFileAgree(@TempDir Path tmp) {
        List<Case> cases = new ArrayList<>(Corpus.withVariants("mod"));
        cases.addAll(unusualBytes());
        return compare(tmp, "mod", cases, (name, bytes) -> ModFile.parse(name, bytes).format(),
                (name, bytes) -> GoJson.of(ModFile.parse(name, bytes)));
    }

    @TestFactory
    Stream<DynamicTest> goWorkEditAndWorkFileAgree(@TempDir Path tmp) {
        List<Case> cases = new ArrayList<>(Corpus.withVariants("work"));
        cases.add(new Case("invalid UTF-8 in a use directory", bytes("go 1.22\nuse ./d\\xff\n")));
        cases.add(new Case("quoted escapes in a use directory", bytes("use \"./\\\\xff\\\\u00e9\"\n")));
        return compare(tmp, "work", cases, (name, bytes) -> WorkFile.parse(name, bytes).format(),
                (name, bytes) -> GoJson.of(WorkFile.parse(name, bytes)));
    }

    /**
     * For each case, up to two tests: the formatted bytes (or the refusal and its messages), and
     * for accepted files the parsed values against what {@code -json} prints.
     */
    private static Stream<DynamicTest> compare(Path tmp, String kind, List<Case> cases,
            BiFunction<String, byte[], byte[]> format, BiFunction<String, byte[], JsonNode> values) {
        List<GoEditFmt.Outcome> outcomes = GoEditFmt.run(tmp, kind, cases);
        String header = kind.equals("mod")
                ? "go: errors parsing go.mod:\n"
                : "go: errors parsing go.work:\nerrors parsing go.work:\n";
        return IntStream.range(0, cases.size()).boxed().flatMap(i -> {
            Case c = cases.get(i);
            GoEditFmt.Outcome go = outcomes.get(i);
            if (!go.accepted()) {
                return Stream.of(DynamicTest.dynamicTest(c.name() + ": refused", () -> {
                    ModFileException e = assertThrows(ModFileException.class,
                            () -> format.apply(go.fileName(), c.content()),
                            "the go command refused this file:\n" + go.stderr());
                    assertTrue(go.stderr().startsWith(header), go.stderr());
                    assertEquals(go.stderr().substring(header.length()), e.getMessage() + "\n");
                }));
            }
            return Stream.of(
                    DynamicTest.dynamicTest(c.name() + ": -fmt", () -> assertEquals(Corpus.show(go.output()),
                            Corpus.show(format.apply(go.fileName(), c.content())),
                            "input:\n" + Corpus.show(c.content()))),
                    DynamicTest.dynamicTest(c.name() + ": -json", () -> assertEquals(GoJson.parse(go.json()),
                            values.apply(go.fileName(), c.content()), "input:\n" + Corpus.show(c.content()))));
        });
    }

    /** Bytes that text files rarely hold, placed where each rule of the lexer and printer meets them. */
    private static List<Case> unusualBytes() {
        String[][] cases = {
            {"invalid UTF-8 in a comment", "module example.com/m // bad \\xff\\xfe bytes\n"},
            {"invalid UTF-8 in a bare directory", "module example.com/m\nreplace example.com/a => ./d\\xff\n"},
            {"invalid UTF-8 inside quotes", "module example.com/m\nreplace example.com/a => \"./d\\xff\"\n"},
            {"escaped invalid byte inside quotes", "replace example.com/a => \"./d\\\\xff\"\n"},
            {"NUL byte", "module example.com/m\\x00\n"},
            {"lone carriage returns", "module example.com/m\rgo 1.21\r\n"},
            {"carriage returns as blanks", "\rmodule\r\rexample.com/m\r\r\n\r\ngo\r1.21\r"},
            {"encoded surrogate in a comment", "// \\xed\\xa0\\x80\nmodule example.com/m\n"},
            {"overlong encoding in a token", "module example.com/\\xc0\\xaf\n"},
            {"truncated sequence ending the file", "module example.com/m // \\xe2\\x82"},
            {"U+00C5 in a toolchain name", "toolchain go1.21\\xc3\\x85\n"},
            {"Unicode 15 character in a token", "replace example.com/a => ./\\xf0\\x9f\\xab\\xa8\n"},
            {"format character inside quotes", "replace example.com/a => \"./zero\\\\u200bwidth\"\n"},
            {"format character in a bare token", "replace example.com/a => ./zero\\xe2\\x80\\x8bwidth\n"},
            {"invalid byte in a godebug value", "godebug k=\\xff\n"},
            {"byte order mark in a comment", "// \\xef\\xbb\\xbf\nmodule example.com/m\n"},
            {"byte order mark opening the file", "\\xef\\xbb\\xbfmodule example.com/m\n"},
            {"vertical tab and form feed ending a comment", "module example.com/m // c\\x0b\\x0c\n"},
            {"NEL ending a comment", "module example.com/m // c\\xc2\\x85\n"},
            {"no-break space ending a comment", "module example.com/m // c\\xc2\\xa0\n"},
            {"escaped newline inside quotes", "module \"a\\\\\nb\"\n"},
            {"tab inside quotes", "module \"a\tb\"\n"},
            {"quoted value that needs no quotes", "module \"example.com/m\"\nrequire \"example.com/a\" \"v1.0.0\"\n"},
            {"quoted comma and brackets", "replace example.com/a => \"./a,b\"\nreplace example.com/b => \"[\"\n"},
            {"slashes in a quoted value", "replace example.com/a => \"./a//b\"\nreplace example.com/c => \"./a/*b\"\n"},
            {"empty quoted value", "module \"\"\n"},
            {"suffix comment on a file without statements", "\"a\\\\\nb\" // c\n"},
        };
        List<Case> list = new ArrayList<>();
        for (String[] c : cases) {
            list.add(new Case(c[0], bytes(c[1])));
        }
        return list;
    }

    /** UTF-8 text in which {@code \xHH} stands for one raw byte. */
    static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("\\x", i) && i + 4 <= text.length()) {
                out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
                i += 4;
            } else if (text.startsWith("\\\\", i)) {
                out.write('\\');
                i += 2;
            } else {
                int cp = text.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return out.toByteArray();
    }
}
