package dev.gosync.gomod.modfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The test corpus: go.mod and go.work files under {@code corpus/mod} and {@code corpus/work}
 * (names starting with {@code reject-} are ones the go command refuses), and layout variants
 * of each that exercise line endings and blanks.
 */
final class Corpus {
    /** One input file; the name says what it exercises. */
    record Case(String name, byte[] content) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A rewrite of a file's layout that keeps its meaning to the go command. */
    record Variant(String name, UnaryOperator<String> rewrite) {
    }

    static final List<Variant> VARIANTS = List.of(
            new Variant("as written", text -> text),
            new Variant("CRLF line endings", text -> text.replace("\n", "\r\n")),
            new Variant("no final newline", text -> text.endsWith("\n") ? text.substring(0, text.length() - 1) : text),
            new Variant("trailing blank lines", text -> text + "\n\n \t\n\r\n\n"),
            new Variant("messy blanks", text -> text.replace("\n\t", "\n    ").replace(" ", " \t ")));

    private Corpus() {
    }

    /** The files of one kind ({@code mod} or {@code work}), sorted by name. */
    static List<Case> load(String kind) {
        URL url = Corpus.class.getResource("corpus/" + kind);
        if (url == null) {
            throw new IllegalStateException("test resource corpus/" + kind + " is missing");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<Case> cases = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                cases.add(new Case(file.getFileName().toString(), Files.readAllBytes(file)));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file of one kind in every layout variant. */
    static List<Case> withVariants(String kind) {
        List<Case> cases = new ArrayList<>();
        for (Case c : load(kind)) {
            String text = new String(c.content(), StandardCharsets.UTF_8);
            for (Variant v : VARIANTS) {
                byte[] bytes = v.rewrite().apply(text).getBytes(StandardCharsets.UTF_8);
                cases.add(new Case(c.name() + " (" + v.name() + ")", bytes));
            }
        }
        return cases;
    }

    /** Bytes as readable text for failure messages: Go-quoted, so invisible differences show. */
    static String show(byte[] bytes) {
        return bytes == null ? "null" : GoText.toJava(GoText.quote(GoText.fromBytes(bytes))).replace("\\n", "\\n\n");
    }
}
