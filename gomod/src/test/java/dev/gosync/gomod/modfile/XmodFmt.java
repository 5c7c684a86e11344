package dev.gosync.gomod.modfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gosync.fixtures.GoOracle;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * x/mod's verdict on a file, through the oracle's {@code modfile.Fmt} op (bytes travel
 * hex-encoded, so invalid UTF-8 survives): {@code ok: <output>} or {@code error: <message>}, in
 * the same form as {@link #ours} gives for our parsers.
 */
final class XmodFmt {
    private static final HexFormat HEX = HexFormat.of();

    private XmodFmt() {
    }

    /**
     * @param kind {@code mod}, {@code lax} or {@code work}
     * @param edit whether to clean up as {@code -fmt} does, rather than print as parsed
     */
    static String xmod(String kind, byte[] input, boolean edit) {
        JsonNode reply = GoOracle.get().ask("hex", "modfile.Fmt", hex(kind), hex(fileName(kind)), HEX.formatHex(input),
                hex(edit ? "edit" : "plain"));
        if (reply.hasNonNull("error")) {
            return "error: " + reply.get("error").asText();
        }
        return "ok: " + Corpus.show(HEX.parseHex(reply.get("result").asText()));
    }

    static String ours(String kind, byte[] input, boolean edit) {
        try {
            DirectiveParser parser = kind.equals("work")
                    ? WorkFileParser.parse(fileName(kind), input)
                    : ModFileParser.parse(fileName(kind), input, kind.equals("lax"));
            return "ok: " + Corpus.show(edit ? parser.format() : SyntaxPrinter.print(parser.syntax));
        } catch (ModFileException e) {
            return "error: " + e.getMessage();
        }
    }

    private static String fileName(String kind) {
        return kind.equals("work") ? "go.work" : "go.mod";
    }

    private static String hex(String text) {
        return HEX.formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
