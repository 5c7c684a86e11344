package dev.gosync.agent.proxy;

import dev.gosync.gomod.GoFields;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.Escaping;
import dev.gosync.gomod.module.ModulePath;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.module.ProxyLayout;
import dev.gosync.gomod.store.ModuleNotFoundException;
import dev.gosync.gomod.store.ModuleSource;
import dev.gosync.gomod.store.RevInfo;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One module proxy, spoken to with the GOPROXY protocol: {@code @v/list}, {@code .info},
 * {@code .mod}, {@code .zip} and {@code @latest} under its base URL. 404 and 410 (and a missing
 * file under a {@code file://} proxy) are {@link ModuleNotFoundException}; everything else that
 * goes wrong is a {@link ProxyException}.
 *
 * <p>Small answers are read whole, within the retry loop; zips are streamed and never held in
 * memory, so a failure while a zip streams reaches the caller as an {@link java.io.IOException}
 * from the stream rather than being retried.
 */
public final class ProxySource implements ModuleSource {
    /** The go command's cap on a downloaded zip. */
    static final long MAX_ZIP_BYTES = 500L << 20;
    /** The go command's cap on a go.mod file, applied to {@code .mod} and {@code @v/list} answers alike. */
    static final long MAX_METADATA_BYTES = 16L << 20;

    private final ProxyClient client;
    private final ProxyUrl url;

    ProxySource(ProxyClient client, ProxyUrl url) {
        this.client = client;
        this.url = url;
    }

    /** The base URL; its text may hold credentials, its {@code toString} does not. */
    public ProxyUrl url() {
        return url;
    }

    /** The first field of every line of {@code @v/list}, as sent: callers filter and sort as the go command does. */
    @Override
    public List<String> versions(String modulePath) {
        Request request = new Request(url, ProxyLayout.list(modulePath), "module " + modulePath);
        byte[] body = client.read(request, MAX_METADATA_BYTES, "version list larger than 16 MiB");
        List<String> versions = new ArrayList<>();
        int start = 0;
        while (start <= body.length) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            List<byte[]> fields = GoFields.split(body, start, end);
            if (!fields.isEmpty()) {
                versions.add(new String(fields.get(0), StandardCharsets.UTF_8));
            }
            start = end + 1;
        }
        return versions;
    }

    @Override
    public RevInfo info(ModuleVersion version) {
        Request request = new Request(url, ProxyLayout.info(version), version.toString());
        return revInfo(request, version.path(), version.version());
    }

    @Override
    public RevInfo query(String modulePath, String query) {
        String relative = Escaping.escapePath(modulePath) + "/@v/" + Escaping.escapeVersion(query) + ".info";
        return revInfo(new Request(url, relative, modulePath + "@" + query), modulePath, query);
    }

    /** The {@code @latest} answer; empty when the proxy has none (404 or 410), since {@code @latest} is optional. */
    @Override
    public Optional<RevInfo> latest(String modulePath) {
        Request request = new Request(url, ProxyLayout.latest(modulePath), "module " + modulePath);
        byte[] body;
        try {
            body = client.read(request, RevInfo.MAX_BYTES, "revision info larger than 1 MiB");
        } catch (ModuleNotFoundException e) {
            return Optional.empty();
        }
        return Optional.of(RevInfo.parse(body, request.context()));
    }

    @Override
    public InputStream goMod(ModuleVersion version) {
        Request request = new Request(url, ProxyLayout.mod(version), version.toString());
        return new ByteArrayInputStream(client.read(request, MAX_METADATA_BYTES, "go.mod larger than 16 MiB"));
    }

    @Override
    public InputStream zip(ModuleVersion version) {
        Request request = new Request(url, ProxyLayout.zip(version), version.toString());
        return client.open(request, MAX_ZIP_BYTES, "downloaded zip file too large (more than 500 MiB)");
    }

    @Override
    public String describe() {
        return url.redacted();
    }

    @Override
    public String toString() {
        return "ProxySource[" + url.redacted() + "]";
    }

    /**
     * Reads a {@code .info} answer. Asked for a canonical version that suits the module path, a
     * proxy must answer with exactly that version, as the go command insists.
     */
    private RevInfo revInfo(Request request, String modulePath, String asked) {
        byte[] body = client.read(request, RevInfo.MAX_BYTES, "revision info larger than 1 MiB");
        RevInfo info = RevInfo.parse(body, request.context());
        if (!info.version().equals(asked) && isCanonicalFor(modulePath, asked)) {
            throw new ProxyException(request.context() + ": proxy returned info for version " + info.version()
                    + " instead of requested version", "the proxy is inconsistent; fetch the module from another proxy",
                    request.redactedUrl(), 200, 1, null);
        }
        return info;
    }

    private static boolean isCanonicalFor(String modulePath, String version) {
        if (!ModulePath.canonicalVersion(version).equals(version)) {
            return false;
        }
        try {
            ModulePath.check(modulePath, version);
            return true;
        } catch (GosyncException e) {
            return false;
        }
    }
}
