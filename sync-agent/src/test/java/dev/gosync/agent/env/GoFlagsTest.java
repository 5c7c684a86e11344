package dev.gosync.agent.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFlagsTest {
    @Test
    void splitsOnAsciiSpaceAndKeepsQuotedWordsWhole() {
        assertEquals(List.of("-mod=mod", "-tags=a b", "-ldflags=-X 'x'", "-modcacherw"),
                GoFlags.parse(" -mod=mod\t'-tags=a b'\n\"-ldflags=-X 'x'\"\r-modcacherw ").words());
    }

    @Test
    void quotesInsideAWordAreOrdinaryCharacters() {
        assertEquals(List.of("-tags=a'b\"c"), GoFlags.parse("-tags=a'b\"c").words());
    }

    @Test
    void aQuotedWordEndsAtItsQuoteEvenWithoutSpace() {
        assertEquals(List.of("-a", "-b"), GoFlags.parse("'-a'-b").words());
    }

    @Test
    void unicodeSpacesDoNotSeparate() {
        assertEquals(List.of("-tags=a\u00a0b"), GoFlags.parse("-tags=a\u00a0b").words());
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "'-tags=a;                parsing $GOFLAGS: unterminated ' string",
        "-mod=mod \"x;            parsing $GOFLAGS: unterminated \" string",
        "tags=x;                  parsing $GOFLAGS: non-flag \"tags=x\"",
        "-;                       parsing $GOFLAGS: non-flag \"-\"",
        "--;                      parsing $GOFLAGS: non-flag \"--\"",
        "---x;                    parsing $GOFLAGS: non-flag \"---x\"",
        "-=x;                     parsing $GOFLAGS: non-flag \"-=x\"",
        "--=x;                    parsing $GOFLAGS: non-flag \"--=x\"",
        "-tags='a b';             parsing $GOFLAGS: non-flag \"b'\"",
    })
    void refusesWhatIsNoFlag(String goflags, String message) {
        InvalidGoFlagsException e = assertThrows(InvalidGoFlagsException.class, () -> GoFlags.parse(goflags));
        assertEquals(message, e.getMessage());
    }

    @Test
    void valueIsTheLastSettingAndBareFlagsAreTrue() {
        GoFlags flags = GoFlags.parse("-mod=readonly --mod=mod -modcacherw -tags=");
        assertEquals(Optional.of("mod"), flags.value("mod"));
        assertEquals(Optional.of("true"), flags.value("modcacherw"));
        assertEquals(Optional.of(""), flags.value("tags"));
        assertEquals(Optional.empty(), flags.value("insecure"));
        assertTrue(flags.has("modcacherw"));
        assertFalse(flags.has("modcache"));
    }

    @Property(tries = 3000)
    void anyValueSplitsOrIsRefusedCleanly(@ForAll("goflagsLike") String goflags) {
        try {
            GoFlags.parse(goflags).words().forEach(w -> assertTrue(w.startsWith("-"), w));
        } catch (InvalidGoFlagsException e) {
            assertTrue(e.getMessage().startsWith("parsing $GOFLAGS: "), e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> goflagsLike() {
        return Arbitraries.of("-", "--", "-mod", "=", "mod", "'", "\"", " ", "\t", "\n", "\u00a0", "a b", "x")
                .list().ofMaxSize(12).map(l -> String.join("", l));
    }
}
