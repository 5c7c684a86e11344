package dev.gosync.agent.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxyListTest {
    /** The list in a compact form: each entry as URL or word, followed by its separator. */
    private static String shape(ProxyList list) {
        return list.entries().stream().map(e -> {
            if (e instanceof ProxyList.Proxy p) {
                return p.url().redacted() + (p.fallBackOnError() ? " |" : " ,");
            }
            return e instanceof ProxyList.Direct ? "direct" : "off";
        }).collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = ';', value = {
        "https://a.test;                          https://a.test ,",
        "https://a.test,https://b.test;           https://a.test , https://b.test ,",
        "https://a.test|https://b.test,direct;    https://a.test | https://b.test , direct",
        "https://a.test|off;                      https://a.test | off",
        "off;                                     off",
        "direct;                                  direct",
        "direct,ftp://ignored after direct;       direct",
        "off|::not checked::;                     off",
        "' https://a.test , , |https://b.test ';  https://a.test , https://b.test ,",
        "a.test;                                  https://a.test ,",
        "a.test/path;                             https://a.test/path ,",
        "127.0.0.1:8080;                          https://127.0.0.1:8080 ,",
        "HTTPS://A.test;                          HTTPS://A.test ,",
        "http://a.test;                           http://a.test ,",
        "file:///srv/mirror;                      file:///srv/mirror ,",
        "'https://a.test\u00a0,https://b.test';   https://a.test , https://b.test ,",
    })
    void parsesLikeTheGoCommand(String goproxy, String expected) {
        assertEquals(expected, shape(ProxyList.parse(goproxy)));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = ';', value = {
        "',';                    GOPROXY list is not the empty string, but contains no entries",
        "' , | ';                GOPROXY list is not the empty string, but contains no entries",
        "'';                     GOPROXY is empty",
        "localhost;              invalid proxy URL missing scheme: localhost",
        "/srv/mirror;            invalid proxy URL missing scheme: /srv/mirror",
        "ftp://a.test;           invalid proxy URL scheme (must be https, http, file): ftp://a.test",
        "file://localhost/srv;   invalid file:// proxy URL with non-path elements: file://localhost/srv",
        "file:///srv?x=1;        invalid file:// proxy URL with non-path elements: file:///srv",
        "file:///srv#top;        invalid file:// proxy URL with non-path elements: file:///srv",
        "file:/srv;              invalid file:// proxy URL with non-path elements: file:/srv",
        "file:relative;          invalid proxy URL https://file:relative: Illegal character in port number",
    })
    void refusesWhatTheGoCommandRefuses(String goproxy, String message) {
        InvalidProxyListException e = assertThrows(InvalidProxyListException.class, () -> ProxyList.parse(goproxy));
        assertEquals(message, e.getMessage());
    }

    @Test
    void toStringWritesTheListBack() {
        assertEquals("https://a.test|file:///srv,https://b.test,off",
                ProxyList.parse("https://a.test | file:///srv , https://b.test,off").toString());
    }

    @Test
    void aListCannotBeEmpty() {
        assertThrows(IllegalArgumentException.class, () -> new ProxyList(List.of()));
    }

    @Property(tries = 3000)
    void anyStringParsesOrIsRefusedCleanly(@ForAll("goproxyLike") String goproxy) {
        ProxyList list;
        try {
            list = ProxyList.parse(goproxy);
        } catch (InvalidProxyListException e) {
            assertTrue(e.getMessage().startsWith("GOPROXY") || e.getMessage().startsWith("invalid "), e.getMessage());
            return;
        }
        List<ProxyList.Entry> entries = list.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof ProxyList.Proxy p) {
                assertTrue(List.of("https", "http", "file").contains(p.url().scheme()), p.url().scheme());
            } else {
                assertEquals(entries.size() - 1, i, "direct and off end the list");
            }
        }
    }

    @Provide
    Arbitrary<String> goproxyLike() {
        Arbitrary<String> pieces = Arbitraries.of("https://", "http://", "file://", "file:", "direct", "off", ",", "|",
                " ", "\u00a0", "a.test", "127.0.0.1", ":", ":8080", "/", "//", "?", "#", "@", "user:pw@", "[::1]", "[",
                "%", "%zz", "%21", "\\", "ftp:", "\t", "..", "é", "\u0000");
        return pieces.list().ofMaxSize(12).map(l -> String.join("", l));
    }
}
