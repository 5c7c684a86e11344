package dev.gosync.gomod.modfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Corners of the syntax that only lax parsing lets through (it skips unknown directives
 * unread), printed as parsed, against x/mod's {@code ParseLax} and {@code Format}: parentheses
 * that do not open blocks, tokens that span lines, comments that no statement can take.
 */
class SyntaxOddityTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "block ( // on the paren\n\t\"x\" ( y // x\n\t\"x\" ) y // y\n) // after\n",
        "block1()\n",
        "block2 (x y z)\n",
        "block3 \"w\" ( ) // empty block\n",
        "block4 \"x\" ( ) \"y\" // not a block\n",
        "block5 ( \"z\" // also not a block\n",
        "x ( )\ny (\n)\n",
        "( a\n) b\n",
        "exclude \"a\\\nb\" // on the second line of a token\n",
        "exclude a // one\nexclude \"x\\\ny\" // two\n",
        "module m\nfoo [ a , b ] { c } ( d )\n",
        "module m // c\r",
        "module m // c\r\r\n",
        "  // indented\n\t// comment block\n\nmodule m\n",
        "strange `raw string` \"and \\\"quoted\\\"\" tokens\n",
    })
    void laxParsingPrintsOdditiesAsXmodDoes(String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(XmodFmt.xmod("lax", input, false), XmodFmt.ours("lax", input, false));
    }
}
