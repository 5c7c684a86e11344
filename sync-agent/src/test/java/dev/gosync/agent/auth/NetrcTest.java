package dev.gosync.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gosync.agent.env.GoEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetrcTest {
    private static Netrc parse(String text) {
        return Netrc.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The machines of the complete entries, with the login and password decoded back for checking. */
    private static List<String> entries(Netrc netrc) {
        return netrc.entries().stream().map(e -> e.machine() + " " + new String(
                Base64.getDecoder().decode(e.authorization().substring("Basic ".length())), StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void entriesNeedMachineLoginAndPasswordInAnyLayout() {
        Netrc netrc = parse("""
                machine a.test login al password p1
                machine b.test
                  password p2
                  login bo
                machine incomplete.test login x
                machine c.test account ignored login cy password p3
                """);
        assertEquals(List.of("a.test al:p1", "b.test bo:p2", "c.test cy:p3"), entries(netrc));
    }

    @Test
    void aNewMachineDropsTheUnfinishedOne() {
        assertEquals(List.of("b.test l:p"), entries(parse("machine a.test login x machine b.test login l password p")));
    }

    @Test
    void defaultEndingALineStopsParsing() {
        assertEquals(List.of("a.test l:p"), entries(parse("""
                machine a.test login l password p
                default
                machine b.test login l password p
                """)));
    }

    @Test
    void defaultInsideALineSwallowsTheWordAfterIt() {
        // "default" pairs with "login", which shifts the rest: "l password" and "p" are no keyword pairs.
        assertEquals(List.of("b.test l:p"), entries(parse("""
                machine a.test default login l password p
                machine b.test login l password p
                """)));
    }

    @Test
    void macroBodiesAreSkippedUpToAnEmptyLine() {
        assertEquals(List.of("a.test l:p", "c.test l:p"), entries(parse("""
                machine a.test login l password p macdef init
                machine b.test login l password p

                machine c.test login l password p
                """)));
    }

    @Test
    void wordsAreSeparatedByUnicodeSpace() {
        assertEquals(List.of("a.test l:p\u200b"), entries(parse("machine\u00a0a.test\u3000login l\u2003password p\u200b")));
    }

    @Test
    void credentialsKeepTheirExactBytesEvenWhenNotUtf8() {
        byte[] data = {'m', 'a', 'c', 'h', 'i', 'n', 'e', ' ', 'h', ' ', 'l', 'o', 'g', 'i', 'n', ' ', (byte) 0xFF,
            ' ', 'p', 'a', 's', 's', 'w', 'o', 'r', 'd', ' ', (byte) 0xC3, (byte) 0xA0};
        String header = Netrc.parse(data).authorization("h").orElseThrow();
        byte[] decoded = Base64.getDecoder().decode(header.substring("Basic ".length()));
        assertEquals("ff3ac3a0", java.util.HexFormat.of().formatHex(decoded));
    }

    @Test
    void lookupTriesShorterPrefixesAndTheFirstEntryWins() {
        Netrc netrc = parse("""
                machine proxy.test login a password 1
                machine proxy.test/private login b password 2
                machine proxy.test login c password 3
                machine https://other.test/ login d password 4
                machine proxy.test:8443 login e password 5
                """);
        assertEquals(Optional.of(basic("a", "1")), netrc.authorization("proxy.test/public/m/@v/list"));
        assertEquals(Optional.of(basic("b", "2")), netrc.authorization("proxy.test/private/m/@v/list"));
        assertEquals(Optional.of(basic("d", "4")), netrc.authorization("other.test/x"));
        assertEquals(Optional.of(basic("e", "5")), netrc.authorization("proxy.test:8443/m"));
        assertEquals(Optional.empty(), netrc.authorization("proxy.test.evil/m"));
        assertEquals(Optional.empty(), netrc.authorization("sub.proxy.test/m"));
    }

    @Test
    void entriesNeverShowTheirSecret() {
        assertFalse(parse("machine h login l password hunter2").entries().toString().contains("aHVudGVyMg"));
        assertFalse(parse("machine h login l password hunter2").entries().toString().contains("hunter2"));
    }

    @Test
    void locationFollowsNetrcThenHome(@TempDir Path home) throws IOException {
        assertEquals(Optional.of(Path.of("/etc/n")),
                Netrc.location(GoEnvironment.of(Map.of("NETRC", "/etc/n", "HOME", home.toString()))));
        assertEquals(Optional.of(home.resolve(".netrc")), Netrc.location(GoEnvironment.of(Map.of("HOME", home.toString()))));
        assertEquals(Optional.empty(), Netrc.location(GoEnvironment.of(Map.of())));
        assertEquals(Netrc.EMPTY.entries(), Netrc.read(home.resolve("missing")).entries());
        Files.writeString(home.resolve(".netrc"), "machine h login l password p\n");
        assertEquals(1, Netrc.read(home.resolve(".netrc")).entries().size());
    }

    @Property(tries = 2000)
    void anyBytesParseWithoutError(@ForAll("netrcLike") byte[] data) {
        Netrc netrc = Netrc.parse(data);
        netrc.entries().forEach(e -> assertEquals(true, e.authorization().startsWith("Basic ")));
    }

    @Provide
    Arbitrary<byte[]> netrcLike() {
        Arbitrary<String> words = Arbitraries.of("machine", "login", "password", "default", "macdef", "account",
                "h", "x", " ", "\n", "\n\n", "\t", "\u00a0", "\r\n");
        Arbitrary<byte[]> text = words.list().ofMaxSize(30).map(l -> String.join(" ", l).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(text, Arbitraries.bytes().array(byte[].class).ofMaxSize(64));
    }
}
