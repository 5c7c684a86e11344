package dev.gosync.agent.gitremote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Bare repositories over git's "dumb" http protocol on 127.0.0.1: the files of each repository
 * served as they are, plus the {@code info/refs} and {@code objects/info/packs} indexes git's
 * {@code update-server-info} would write. Optionally demands one {@code Authorization} header
 * (answering 401 otherwise), and records every header it was sent.
 */
public final class DumbGitServer implements AutoCloseable {
    private final Path root;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile String required;

    /** Serves the bare repositories under {@code root}, each at {@code /<name>}. */
    public DumbGitServer(Path root) {
        this.root = root;
        try (var repos = Files.list(root)) {
            for (Path repo : repos.filter(Files::isDirectory).toList()) {
                writeServerInfo(repo);
            }
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** From now on, answers 401 to requests without exactly this Authorization header. */
    public DumbGitServer requireAuthorization(String headerValue) {
        required = headerValue;
        return this;
    }

    /** The Authorization header of every request so far ("" when absent). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "" : auth);
            if (required != null && !required.equals(auth)) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"git\"");
                ex.sendResponseHeaders(401, -1);
                return;
            }
            Path file = root.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, Files.size(file));
            Files.copy(file, ex.getResponseBody());
        }
    }

    private static void writeServerInfo(Path gitDir) throws IOException {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().build()) {
            StringBuilder refs = new StringBuilder();
            for (Ref ref : repo.getRefDatabase().getRefs()) {
                if (ref.getName().equals("HEAD") || ref.getObjectId() == null) {
                    continue;
                }
                Ref peeled = repo.getRefDatabase().peel(ref);
                refs.append(ref.getObjectId().name()).append('\t').append(ref.getName()).append('\n');
                if (peeled.getPeeledObjectId() != null) {
                    refs.append(peeled.getPeeledObjectId().name()).append('\t').append(ref.getName()).append("^{}\n");
                }
            }
            Files.createDirectories(gitDir.resolve("info"));
            Files.writeString(gitDir.resolve("info/refs"), refs, StandardCharsets.UTF_8);
        }
        Path packDir = gitDir.resolve("objects/pack");
        List<String> packs = new ArrayList<>();
        if (Files.isDirectory(packDir)) {
            try (var files = Files.list(packDir)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pack")).sorted()
                        .forEach(n -> packs.add("P " + n + "\n"));
            }
        }
        Files.createDirectories(gitDir.resolve("objects/info"));
        Files.writeString(gitDir.resolve("objects/info/packs"), String.join("", packs) + "\n", StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
