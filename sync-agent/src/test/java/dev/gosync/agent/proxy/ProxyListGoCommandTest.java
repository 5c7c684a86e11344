package dev.gosync.agent.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosync.fixtures.GoSandbox;
import dev.gosync.fixtures.ProcessResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GOPROXY values judged by the real go command: whatever it refuses as a list or URL, we refuse
 * (with its words where the refusal is about the list or the scheme), and whatever it accepts, we
 * accept. Every URL here points to this machine (port 1 refuses connections) or to a path, so the
 * go command never reaches a network.
 */
class ProxyListGoCommandTest {
    private static final String SUBJECT = "example.com/m@v1.0.0: ";
    private static final List<String> LIST_ERRORS =
            List.of("invalid proxy URL", "invalid file:// proxy URL", "GOPROXY list is not", "parse \"");

    @TempDir
    static Path tmp;

    private static GoSandbox sandbox;

    @BeforeAll
    static void setUp() {
        sandbox = GoSandbox.create(tmp);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "off", ",", " , | ", "localhost", "/srv/mirror", "ftp://127.0.0.1:1", "file://localhost/srv",
        "file:///srv?", "file:///srv#top", "127.0.0.1:1", "HTTPS://127.0.0.1:1", "http://127.0.0.1:1",
        "https://127.0.0.1:1/base/", " https://127.0.0.1:1 ", "file:///nonexistent", "file:/nonexistent",
        "https://127.0.0.1:1,ftp://127.0.0.1:1", "off,ftp://ignored", "file:rel", "https://[::1",
        "https://127.0.0.1:1/%zz", "https://u:p@127.0.0.1:1", "http://u:p@127.0.0.1:1",
        "https://127.0.0.1:1|file:///nonexistent", "http://127.0.0.1:1/a%2Fb",
    })
    void acceptsAndRefusesWhatTheGoCommandDoes(String goproxy) throws IOException {
        sandbox.set("GOPROXY", goproxy);
        ProcessResult result = sandbox.go(tmp, "mod", "download", "-json", "example.com/m@v1.0.0");
        JsonNode json = new ObjectMapper().readTree(result.stdout());
        String goError = json.path("Error").asText("");
        assertTrue(goError.startsWith(SUBJECT), result.describe());
        String reason = goError.substring(SUBJECT.length());
        boolean goRefusesList = LIST_ERRORS.stream().anyMatch(reason::startsWith);

        String ours;
        try {
            ProxyList.parse(goproxy);
            ours = null;
        } catch (InvalidProxyListException e) {
            ours = e.getMessage();
        }
        if (!goRefusesList) {
            assertEquals(null, ours, "go accepts it: " + reason);
        } else if (ours == null) {
            fail("go refuses [" + goproxy + "] (" + reason + ") but we accept it");
        } else if (!reason.startsWith("parse \"")) {
            assertEquals(withoutQueryOrFragment(reason), ours);
        }
    }

    /** We show URLs without query and fragment, which may carry tokens; the go command keeps them. */
    private static String withoutQueryOrFragment(String message) {
        int url = message.lastIndexOf(": ") + 2;
        int cut = url;
        while (cut < message.length() && message.charAt(cut) != '?' && message.charAt(cut) != '#') {
            cut++;
        }
        return message.substring(0, cut);
    }
}
