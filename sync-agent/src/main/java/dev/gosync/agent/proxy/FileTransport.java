package dev.gosync.agent.proxy;

import dev.gosync.gomod.store.ModuleNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A {@code file://} proxy: a directory in GOPROXY layout, read as the go command reads it. A
 * missing file is a not-found (404), an unreadable one a 403-like error; nothing is retried.
 */
final class FileTransport {
    private final Duration readTimeout;

    FileTransport(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /**
     * Opens the file for {@code request}, limited to {@code limit} bytes.
     *
     * @throws ModuleNotFoundException when it does not exist
     * @throws ProxyException when it cannot be read
     */
    BodyStream open(Request request, long limit, String tooLarge) {
        Path file = request.base().filePath(request.relativePath());
        try {
            if (Files.isDirectory(file)) {
                throw failure(request, "is a directory", 0, null);
            }
            InputStream in = Files.newInputStream(file);
            return new BodyStream(in, request.context(), readTimeout, limit, tooLarge);
        } catch (NoSuchFileException e) {
            throw new ModuleNotFoundException(request.context() + ": no such file or directory");
        } catch (AccessDeniedException e) {
            throw failure(request, "permission denied", 403, e);
        } catch (IOException e) {
            throw failure(request, HttpTransport.describeTransport(e), 0, e);
        }
    }

    /** Reads the whole file for {@code request}; fails like {@link #open}. */
    byte[] read(Request request, long limit, String tooLarge) {
        try (BodyStream in = open(request, limit, tooLarge)) {
            return in.readAllBytes();
        } catch (BodyStream.BodyException e) {
            throw new ProxyException(e.getMessage(), null, request.redactedUrl(), 0, 1, e);
        } catch (IOException e) {
            throw failure(request, HttpTransport.describeTransport(e), 0, e);
        }
    }

    private static ProxyException failure(Request request, String problem, int status, Throwable cause) {
        return new ProxyException(request.context() + ": " + problem, null, request.redactedUrl(), status, 1, cause);
    }
}
