package dev.gosync.agent.discovery;

import dev.gosync.agent.discovery.MetaImports.MetaImport;
import dev.gosync.gomod.GoStrings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ?go-get=1} discovery, as the go command's {@code repoRootForImportDynamic} does it: the
 * page for the import path names the repository in a {@code go-import} tag; a tag for a shorter
 * prefix must be confirmed by the page of that prefix; {@code mod} entries win in module mode.
 * Over https only, unless the path matches GOINSECURE: then https without certificate checks,
 * and plain http when https fails. A page with an error status still counts if it has tags.
 * Failures carry the go command's messages (without its {@code unrecognized import path} prefix,
 * which {@link RepoRootFinder} adds).
 */
final class ImportDiscovery {
    private final PageFetcher fetcher;
    private final Map<String, Prefetched> prefixPages = new ConcurrentHashMap<>();

    ImportDiscovery(PageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** A page that was fetched, or why not. */
    private record Prefetched(String url, List<MetaImport> imports, String error) {
    }

    /** What a page said, with the URL that answered. */
    private record Fetched(String url, PageFetcher.Page page) {
    }

    /**
     * The go-import tag for the path.
     *
     * @throws Failure with the go command's reason
     */
    MetaImport discover(String importPath, boolean insecure) {
        URI url = urlFor(importPath);
        Fetched fetched;
        try {
            fetched = get(url, insecure);
        } catch (IOException e) {
            throw new Failure((insecure ? "http/" : "") + "https fetch: " + e.getMessage());
        }
        List<MetaImport> imports = MetaImports.parse(fetched.page().body(), true);
        if (imports.isEmpty() && fetched.page().status() != 200) {
            throw new Failure("reading " + fetched.url() + ": " + fetched.page().statusLine());
        }
        MetaImport mmi = match(imports, importPath, fetched.url(), "parse " + schemeless(url));
        if (!mmi.prefix().equals(importPath)) {
            Prefetched prefix = prefixPage(mmi.prefix(), insecure);
            if (prefix.error() != null) {
                throw new Failure(prefix.error());
            }
            MetaImport again;
            try {
                again = match(prefix.imports(), importPath, prefix.url(), "");
            } catch (Failure e) {
                again = null;
            }
            if (!mmi.equals(again)) {
                throw new Failure(fetched.url() + " and " + prefix.url() + " disagree about go-import for " + mmi.prefix());
            }
        }
        if (mmi.subdir().startsWith("/")) {
            throw new Failure(fetched.url() + ": invalid subdirectory " + GoStrings.quote(mmi.subdir()) + ": leading slash");
        }
        if (mmi.subdir().startsWith("-")) {
            throw new Failure(fetched.url() + ": invalid subdirectory " + GoStrings.quote(mmi.subdir()) + ": leading hyphen");
        }
        String rootError = invalidRepoRoot(mmi.repoRoot());
        if (rootError != null) {
            throw new Failure(fetched.url() + ": invalid repo root " + GoStrings.quote(mmi.repoRoot()) + ": " + rootError);
        }
        if (!mmi.vcs().equals(RepoRoot.MOD) && !CodeHostRules.VCS_COMMANDS.contains(mmi.vcs())) {
            throw new Failure(fetched.url() + ": unknown vcs " + GoStrings.quote(mmi.vcs()));
        }
        return mmi;
    }

    /** The page of a prefix a tag claimed, fetched once per prefix. */
    private Prefetched prefixPage(String prefix, boolean insecure) {
        return prefixPages.computeIfAbsent(prefix, p -> {
            URI url;
            try {
                url = urlFor(p);
            } catch (Failure e) {
                return new Prefetched("", List.of(), e.getMessage());
            }
            String shown = schemeless(url);
            Fetched fetched;
            try {
                fetched = get(url, insecure);
            } catch (IOException e) {
                return new Prefetched(shown, List.of(), "fetching " + p + ": " + e.getMessage());
            }
            List<MetaImport> imports = MetaImports.parse(fetched.page().body(), true);
            if (imports.isEmpty() && fetched.page().status() != 200) {
                return new Prefetched(shown, imports, "reading " + fetched.url() + ": " + fetched.page().statusLine());
            }
            if (imports.isEmpty()) {
                return new Prefetched(shown, imports, "fetching " + p + ": no go-import meta tag found in " + fetched.url());
            }
            return new Prefetched(shown, imports, null);
        });
    }

    /** The one tag whose prefix covers the path; a {@code mod} entry ends the search. */
    private static MetaImport match(List<MetaImport> imports, String importPath, String answeredUrl, String context) {
        int match = -1;
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < imports.size(); i++) {
            MetaImport im = imports.get(i);
            if (!CodeHostRules.hasPathPrefix(importPath, im.prefix()) || im.prefix().isEmpty()) {
                mismatches.add("meta tag " + im.prefix() + " did not match import path " + importPath);
                continue;
            }
            if (match >= 0) {
                if (imports.get(match).vcs().equals(RepoRoot.MOD) && !im.vcs().equals(RepoRoot.MOD)) {
                    break;
                }
                throw new Failure(context + ": multiple meta tags match import path " + GoStrings.quote(importPath));
            }
            match = i;
        }
        if (match < 0) {
            throw new Failure("parse " + answeredUrl + ": no go-import meta tags (" + String.join(", ", mismatches) + ")");
        }
        return imports.get(match);
    }

    private Fetched get(URI url, boolean insecure) throws IOException {
        URI https = withScheme(url, "https");
        try {
            PageFetcher.Page page = fetcher.get(https, insecure);
            return new Fetched(page.url(), page);
        } catch (IOException e) {
            if (!insecure) {
                throw new IOException("Get " + GoStrings.quote(https.toString()) + ": " + describe(e), e);
            }
        }
        URI http = withScheme(url, "http");
        try {
            PageFetcher.Page page = fetcher.get(http, true);
            return new Fetched(page.url(), page);
        } catch (IOException e) {
            throw new IOException("Get " + GoStrings.quote(http.toString()) + ": " + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m;
    }

    /** {@code //host/path?go-get=1}: the go command's discovery URL, scheme left open. */
    private static URI urlFor(String importPath) {
        int slash = importPath.indexOf('/');
        String host = slash < 0 ? importPath : importPath.substring(0, slash);
        String path = slash < 0 ? "/" : importPath.substring(slash);
        if (!host.contains(".")) {
            throw new Failure("import path does not begin with hostname");
        }
        try {
            return new URI(null, host, path, "go-get=1", null);
        } catch (URISyntaxException e) {
            throw new Failure("invalid import path " + GoStrings.quote(importPath) + ": " + e.getMessage());
        }
    }

    private static URI withScheme(URI u, String scheme) {
        return URI.create(scheme + ":" + u.toString());
    }

    private static String schemeless(URI u) {
        return u.toString();
    }

    /** The go command's checks of a go-import repository URL; null when it is acceptable. */
    private static String invalidRepoRoot(String repoRoot) {
        URI u;
        try {
            u = new URI(repoRoot);
        } catch (URISyntaxException e) {
            return "parse " + GoStrings.quote(repoRoot) + ": " + e.getReason();
        }
        if (u.getScheme() == null || u.getScheme().isEmpty()) {
            return "no scheme";
        }
        if (u.getScheme().equals("file")) {
            return "file scheme disallowed";
        }
        return null;
    }

    /** Discovery failed; the message is the go command's reason. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }
}
