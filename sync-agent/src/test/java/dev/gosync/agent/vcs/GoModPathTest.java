package dev.gosync.agent.vcs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gosync.fixtures.GoOracle;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The quick module-line scan, against x/mod's {@code modfile.ModulePath}. */
class GoModPathTest {
    private static final String[] TOKENS = {"module", " ", "\t", "\u00a0", "\u2003", "example.com/m", "\"example.com/q\"",
            "`example.com/r`", "\"bad", "\"a\\\"b\"", "\"\\u00e9\"", "//", " // c", "/", "\r", "\n", "\n", "go 1.21", "module\"x\"",
            "modulex", "`a`b`", "\"\"", "require x v1.0.0"};

    @Property(tries = 1000)
    void findsThePathXModFinds(@ForAll("goMods") String goMod) {
        assertEquals(GoOracle.get().text("modfile.ModulePath", goMod),
                GoModPath.of(goMod.getBytes(StandardCharsets.UTF_8)));
    }

    @Example
    void takesTheFirstModuleLineAndIgnoresTheRestOfTheFile() {
        assertEquals("example.com/m", GoModPath.of("// c\nmodule example.com/m // c\nmodule other\n)(\n"
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String> goMods() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(12).map(l -> String.join("", l));
    }
}
