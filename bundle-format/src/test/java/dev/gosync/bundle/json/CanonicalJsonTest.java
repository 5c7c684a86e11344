package dev.gosync.bundle.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String write(ObjectNode node) {
        return new String(CanonicalJson.write(node), StandardCharsets.UTF_8);
    }

    @Test
    void nestedObjectsAreCompactWithSortedKeysWhateverTheInsertionOrder() {
        ObjectNode a = CanonicalJson.object();
        a.put("z", 1);
        a.putObject("m").put("y", "2").put("b", true);
        ObjectNode b = CanonicalJson.object();
        b.putObject("m").put("b", true).put("y", "2");
        b.put("z", 1);
        String expected = "{\n  \"m\": {\"b\":true,\"y\":\"2\"},\n  \"z\": 1\n}\n";
        assertEquals(expected, write(a));
        assertEquals(expected, write(b));
    }

    @Test
    void emptyDocumentsAndArrays() {
        assertEquals("{}\n", write(CanonicalJson.object()));
        ObjectNode node = CanonicalJson.object();
        node.putArray("a");
        assertEquals("{\n  \"a\": []\n}\n", write(node));
    }

    @Test
    void stringsAreEscapedOneWay() {
        ObjectNode node = CanonicalJson.object();
        node.put("s", "quote\" backslash\\ newline\n tab\t unicode\u00e9 control\u0001");
        assertEquals("{\n  \"s\": \"quote\\\" backslash\\\\ newline\\n tab\\t unicode\u00e9 control\\u0001\"\n}\n",
                write(node));
    }

    @Test
    void parsingIsStrict() {
        assertThrows(IOException.class, () -> CanonicalJson.parse("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> CanonicalJson.parse("{} []".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> CanonicalJson.parse("{\"a\":1,}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> CanonicalJson.parse("{/*c*/}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> CanonicalJson.parse("\"s\"".getBytes(StandardCharsets.UTF_8)));
    }
}
