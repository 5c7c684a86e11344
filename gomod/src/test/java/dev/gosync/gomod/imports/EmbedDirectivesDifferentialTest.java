package dev.gosync.gomod.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gosync.fixtures.GoOracle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The imports and {@code //go:embed} patterns of a Go file as {@code go/build} finds them when
 * {@code go mod vendor} reads a package (every file, any constraint), for files made up from the
 * pieces that trip scanners: directives in strings, raw strings and block comments, quoted and
 * malformed arguments, look-alike directives, files that do not import {@code embed}.
 */
class EmbedDirectivesDifferentialTest {
    private static final List<String> IMPORTS = List.of("\"embed\"", "_ \"embed\"", "e \"embed\"", "\"fmt\"",
            ". \"strings\"", "`os`", "\"example.com/a/b\"", "\"emb\\x65d\"");
    private static final List<String> BODY = List.of(
            "//go:embed a b", "//go:embed \"q w\" `r`", "//go:embed  x/*.txt  \t", "//go:embedx y", "// go:embed z",
            "var s = \"//go:embed inString\"", "/* //go:embed inBlock */", "var r = '\"'", "var q = '\\''",
            "var raw = `", "//go:embed inRaw", "`", "//go:embed \"bad", "//go:embed \"a\"b", "//go:embed all:d",
            "//go:embed", "//go:embed é\u00a0f", "/*", "*/", "var x embed.FS", "//go:build ignore", "\r",
            "//go:embed crlf.txt\r", "func f() { _ = \"\\\"//go:embed esc\" }");

    @Provide
    Arbitrary<String> files() {
        Arbitrary<List<String>> imports = Arbitraries.of(IMPORTS).list().ofMaxSize(4);
        Arbitrary<List<String>> body = Arbitraries.of(BODY).list().ofMaxSize(10);
        return Combinators.combine(imports, body, Arbitraries.of("\n", "\r\n"))
                .as((i, b, nl) -> "package x" + nl + nl + "import (" + nl + String.join(nl, i) + nl + ")" + nl + nl
                        + String.join(nl, b) + nl);
    }

    @Property(tries = 1000)
    void importsAndEmbedPatternsAreGoBuilds(@ForAll("files") String content) {
        JsonNode reply = GoOracle.get().ask("build.ImportDirAllFiles", content);
        Statistics.collect(reply.hasNonNull("error") ? "go/build refused the file" : "compared");
        if (reply.hasNonNull("error")) {
            return;
        }
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        assertEquals(strings(reply.get("result").get("imports")), new ArrayList<>(new TreeSet<>(ImportScan.read(bytes).imports())),
                content);
        assertEquals(strings(reply.get("result").get("embeds")), new ArrayList<>(new TreeSet<>(EmbedDirectives.patterns(bytes))),
                content);
    }

    @Test
    void theCorpusCoversFilesWithEmbeds() {
        String file = "package x\n\nimport _ \"embed\"\n\n//go:embed \"q w\" `r` a\nvar s string\n";
        JsonNode reply = GoOracle.get().ask("build.ImportDirAllFiles", file);
        assertEquals(List.of("a", "q w", "r"), strings(reply.get("result").get("embeds")));
        List<String> ours = new ArrayList<>(EmbedDirectives.patterns(file.getBytes(StandardCharsets.UTF_8)));
        assertTrue(ours.containsAll(List.of("q w", "r", "a")) && ours.size() == 3, ours.toString());
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
