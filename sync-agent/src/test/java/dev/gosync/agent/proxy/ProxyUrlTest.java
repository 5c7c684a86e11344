package dev.gosync.agent.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gosync.fixtures.GoOracle;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ProxyUrlTest {
    @Test
    void requestUrlAppendsTheEscapedPathToTheBase() {
        assertEquals("https://p.test/github.com/%21upper/x/@v/v1.0.0+incompatible.info",
                ProxyUrl.parse("https://p.test").resolve("github.com/!upper/x/@v/v1.0.0+incompatible.info").toString());
        assertEquals("https://p.test:8443/base/m/@v/list",
                ProxyUrl.parse("https://p.test:8443/base/").resolve("m/@v/list").toString());
    }

    @Test
    void requestUrlDropsUserInfoButKeepsQueryAndEncodedBase() {
        assertEquals("https://p.test/a%2Fb/m/@latest?k=v",
                ProxyUrl.parse("https://u:pw@p.test/a%2Fb?k=v").resolve("m/@latest").toString());
    }

    @Test
    void fileProxiesReadTheDecodedPathWithBangsLiteral() {
        ProxyUrl url = ProxyUrl.parse("file:///srv/my%20mirror/");
        assertEquals(Path.of("/srv/my mirror/github.com/!upper/x/@v/list"), url.filePath("github.com/!upper/x/@v/list"));
        assertEquals("file:///srv/my%20mirror/github.com/%21upper/x/@v/list",
                url.resolve("github.com/!upper/x/@v/list").toString());
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertEquals("https", ProxyUrl.parse("HTTPS://p.test").scheme());
    }

    @Property(tries = 1500)
    void pathEscapeMatchesGosUrlPathEscapeWithSlashesKept(@ForAll("pathLike") String s) {
        String go = GoOracle.get().text("url.PathEscape", s).replace("%2F", "/");
        assertEquals(go, ProxyUrl.pathEscape(s));
    }

    @Provide
    Arbitrary<String> pathLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20),
                Arbitraries.strings().withChars("!+~-._/@:=&$,;?#%é\u0000\u007f ").ofMaxLength(12));
    }
}
