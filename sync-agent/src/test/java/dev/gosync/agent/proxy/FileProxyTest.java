package dev.gosync.agent.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.ModuleNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileProxyTest {
    private static final ModuleVersion UPPER = new ModuleVersion("github.com/Upper/x", "v1.0.0");

    @TempDir
    Path tmp;

    private ProxySource source(Path root) {
        return ProxyClient.create(ProxyClientSettings.defaults()).source(ProxyUrl.parse(root.toUri().toString()));
    }

    @Test
    void readsTheLayoutWithCaseEscapedNamesStoredLiterally() throws IOException {
        new ProxyDir(tmp).module(UPPER.path(), UPPER.version());
        assertTrue(Files.isRegularFile(tmp.resolve("github.com/!upper/x/@v/v1.0.0.info")));
        ProxySource source = source(tmp);
        assertEquals(List.of("v1.0.0"), source.versions(UPPER.path()));
        assertEquals("v1.0.0", source.info(UPPER).version());
        try (InputStream zip = source.zip(UPPER)) {
            assertEquals(Files.size(tmp.resolve("github.com/!upper/x/@v/v1.0.0.zip")), zip.readAllBytes().length);
        }
    }

    @Test
    void missingFileIsNotFoundLikeTheGoCommandSaysIt() {
        ModuleNotFoundException e = assertThrows(ModuleNotFoundException.class,
                () -> source(tmp).info(new ModuleVersion("example.com/m", "v1.0.0")));
        assertEquals("example.com/m@v1.0.0: reading " + tmp.toUri() + "example.com/m/@v/v1.0.0.info: no such file or directory",
                e.getMessage());
    }

    @Test
    void aDirectoryWhereAFileBelongsIsAnError() throws IOException {
        Files.createDirectories(tmp.resolve("example.com/m/@v/list"));
        ProxyException e = assertThrows(ProxyException.class, () -> source(tmp).versions("example.com/m"));
        assertTrue(e.getMessage().endsWith("/example.com/m/@v/list: is a directory"), e.getMessage());
    }

    @Test
    void bodiesAreCutOffAtTheirLimit() throws IOException {
        Files.write(tmp.resolve("big"), new byte[100]);
        Request request = new Request(ProxyUrl.parse(tmp.toUri().toString()), "big", "example.com/m@v1.0.0");
        try (InputStream in = new FileTransport(Duration.ofSeconds(5)).open(request, 99, "too large")) {
            IOException e = assertThrows(IOException.class, in::readAllBytes);
            assertTrue(e.getMessage().endsWith("big: too large"), e.getMessage());
        }
        ProxyException e = assertThrows(ProxyException.class,
                () -> new FileTransport(Duration.ofSeconds(5)).read(request, 50, "too large"));
        assertTrue(e.getMessage().endsWith(": too large"), e.getMessage());
    }
}
