package dev.gosync.agent.vcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.attributes.Attribute;
import org.eclipse.jgit.attributes.Attributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conversions {@code git archive} applies under the go command's settings, one rule per test.
 * {@link GitArchiveDifferentialTest} holds the same rules to the real git.
 */
class WorkTreeConversionTest {
    private static final String HASH = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void eolCrlfPutsACarriageReturnBeforeEveryLoneLineFeed() {
        assertEquals("a\r\nb\r\nc\r\n", convert("a\nb\r\nc\n", "eol=crlf"));
    }

    @Test
    void eolCrlfConvertsFilesThatLookBinaryToo() {
        assertEquals("x\0\r\n", convert("x\0\n", "eol=crlf"));
    }

    @Test
    void textAutoWithEolCrlfLeavesFilesThatAlreadyHaveCarriageReturns() {
        assertEquals("a\r\nb\n", convert("a\r\nb\n", "text=auto", "eol=crlf"));
        assertEquals("a\rb\n", convert("a\rb\n", "text=auto", "eol=crlf"));
    }

    @Test
    void textAutoWithEolCrlfLeavesFilesThatLookBinary() {
        assertEquals("a\0\n", convert("a\0\n", "text=auto", "eol=crlf"));
        assertEquals("a\u0001\n", convert("a\u0001\n", "text=auto", "eol=crlf"));
    }

    @Test
    void aTrailingCtrlZDoesNotMakeAFileLookBinary() {
        assertEquals("a\r\n\u001a", convert("a\n\u001a", "text=auto", "eol=crlf"));
        assertEquals("a\u001a\n", convert("a\u001a\n", "text=auto", "eol=crlf"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "text=auto", "eol=lf", "crlf", "crlf=input", "crlf=auto", "filter=lfs", "diff"})
    void attributesWhoseOutputLineEndIsLfChangeNothing(String attribute) {
        assertTrue(conversion(attribute).changesNothing(), attribute);
    }

    @Test
    void unsetTextOrTheBinaryMacroOverridesEolCrlf() {
        assertEquals("a\n", convert("a\n", "-text", "eol=crlf"));
        assertEquals("a\n", convert("a\n", "-crlf", "eol=crlf"));
    }

    @Test
    void legacyCrlfInputWithEolCrlfConverts() {
        assertEquals("a\r\n", convert("a\n", "crlf=input", "eol=crlf"));
    }

    @Test
    void identExpandsEachDollarIdWithTheBlobHash() {
        assertEquals("$Id: " + HASH + " $ and $Id: " + HASH + " $\n", convert("$Id$ and $Id: old $\n", "ident"));
    }

    @Test
    void identKeepsExpansionsWithInnerSpacesAndThoseSpanningLines() {
        assertEquals("$Id: a b $\n", convert("$Id: a b $\n", "ident"));
        assertEquals("$Id: a\n$\n", convert("$Id: a\n$\n", "ident"));
        assertEquals("$Id: unterminated\n", convert("$Id: unterminated\n", "ident"));
    }

    @Test
    void identComesBeforeLineEndConversion() {
        assertEquals("$Id: " + HASH + " $\r\n", convert("$Id$\n", "ident", "eol=crlf"));
    }

    @Test
    void utf8WorkingTreeEncodingIsNoConversion() {
        assertTrue(conversion("working-tree-encoding=UTF8").changesNothing());
    }

    private static String convert(String content, String... attributes) {
        byte[] out = conversion(attributes).apply(content.getBytes(StandardCharsets.ISO_8859_1), HASH);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static WorkTreeConversion conversion(String... attributes) {
        Attributes attrs = new Attributes();
        for (String a : attributes) {
            if (a.startsWith("-")) {
                attrs.put(new Attribute(a.substring(1), Attribute.State.UNSET));
            } else if (a.contains("=")) {
                attrs.put(new Attribute(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1)));
            } else {
                attrs.put(new Attribute(a, Attribute.State.SET));
            }
        }
        return WorkTreeConversion.of(attrs, "file");
    }
}
