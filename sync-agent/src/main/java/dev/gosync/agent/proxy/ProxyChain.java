package dev.gosync.agent.proxy;

import dev.gosync.agent.auth.AuthConfig;
import dev.gosync.agent.env.GoEnvironment;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.module.PrefixPatterns;
import dev.gosync.gomod.store.ModuleNotFoundException;
import dev.gosync.gomod.store.ModuleSource;
import dev.gosync.gomod.store.RevInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The GOPROXY list as the go command uses it.
 *
 * <ul>
 *   <li>Every request starts again at the first entry, so the {@code .info}, {@code .mod} and
 *       {@code .zip} of one version may come from different proxies.
 *   <li>After an entry followed by {@code ,} the next entry is tried only when the answer was
 *       not-found ({@link ModuleNotFoundException}); after {@code |}, on any error.
 *   <li>{@code off} answers not-found ("module lookup disabled by GOPROXY=off"); {@code direct}
 *       hands the request to the direct source (version control).
 *   <li>Modules matching GONOPROXY (which defaults to GOPRIVATE) go straight to the direct source
 *       and never reach a proxy, whatever the list says.
 *   <li>When every entry fails, the error reported is the most useful one: from {@code direct}
 *       if it was reached, else the last error other than not-found, else the last not-found.
 * </ul>
 */
public final class ProxyChain implements ModuleSource {
    private static final ModuleSource OFF = new OffSource();

    private final ProxyList list;
    private final String gonoproxy;
    private final List<ModuleSource> sources;
    private final ModuleSource direct;

    private ProxyChain(ProxyList list, String gonoproxy, ProxyClient client, ModuleSource direct) {
        this.list = list;
        this.gonoproxy = gonoproxy;
        this.direct = direct;
        List<ModuleSource> s = new ArrayList<>();
        for (ProxyList.Entry e : list.entries()) {
            s.add(e instanceof ProxyList.Proxy p ? client.source(p.url()) : e instanceof ProxyList.Direct ? direct : OFF);
        }
        this.sources = List.copyOf(s);
    }

    /**
     * @param list      the parsed GOPROXY list
     * @param gonoproxy GONOPROXY patterns (already defaulted to GOPRIVATE), "" for none
     * @param client    the client for the list's proxies
     * @param direct    what {@code direct} and GONOPROXY matches use
     */
    public static ProxyChain create(ProxyList list, String gonoproxy, ProxyClient client, ModuleSource direct) {
        return new ProxyChain(list, gonoproxy, client, direct);
    }

    /**
     * The chain an environment describes: its GOPROXY and GONOPROXY, with {@code direct} served
     * by {@code direct}.
     *
     * @throws dev.gosync.agent.env.GoproxyNotSetException when GOPROXY is set nowhere
     * @throws InvalidProxyListException when GOPROXY is malformed
     */
    public static ProxyChain fromEnvironment(GoEnvironment env, ProxyClient client, ModuleSource direct) {
        return new ProxyChain(ProxyList.parse(env.goproxy()), env.gonoproxy(), client, direct);
    }

    /**
     * The chain an environment describes, with default client settings, the environment's GOAUTH
     * credentials and no direct mode ({@link UnavailableDirectSource}).
     */
    public static ProxyChain fromEnvironment(GoEnvironment env) {
        ProxyClient client = ProxyClient.create(ProxyClientSettings.defaults().withAuth(AuthConfig.fromEnvironment(env)));
        return fromEnvironment(env, client, UnavailableDirectSource.INSTANCE);
    }

    @Override
    public List<String> versions(String modulePath) {
        return attempt(modulePath, s -> s.versions(modulePath));
    }

    @Override
    public RevInfo info(ModuleVersion version) {
        return attempt(version.path(), s -> s.info(version));
    }

    @Override
    public RevInfo query(String modulePath, String query) {
        return attempt(modulePath, s -> s.query(modulePath, query));
    }

    /** The first {@code @latest} answer along the list; empty when every entry had none or did not know the module. */
    @Override
    public Optional<RevInfo> latest(String modulePath) {
        try {
            return Optional.of(attempt(modulePath, s -> s.latest(modulePath).orElseThrow(
                    () -> new ModuleNotFoundException("module " + modulePath + ": no @latest from " + s.describe()))));
        } catch (ModuleNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream goMod(ModuleVersion version) {
        return attempt(version.path(), s -> s.goMod(version));
    }

    @Override
    public InputStream zip(ModuleVersion version) {
        return attempt(version.path(), s -> s.zip(version));
    }

    /** The GOPROXY list with credentials redacted, and GONOPROXY when set. */
    @Override
    public String describe() {
        return list + (gonoproxy.isEmpty() ? "" : " (GONOPROXY=" + gonoproxy + ")");
    }

    @Override
    public String toString() {
        return "ProxyChain[" + describe() + "]";
    }

    private <T> T attempt(String modulePath, Function<ModuleSource, T> request) {
        if (PrefixPatterns.matches(gonoproxy, modulePath)) {
            return request.apply(direct);
        }
        GosyncException best = null;
        Rank bestRank = Rank.NOT_FOUND;
        for (int i = 0; i < sources.size(); i++) {
            ProxyList.Entry entry = list.entries().get(i);
            try {
                return request.apply(sources.get(i));
            } catch (GosyncException e) {
                boolean notFound = e instanceof ModuleNotFoundException;
                if (entry instanceof ProxyList.Direct) {
                    best = e;
                    bestRank = Rank.DIRECT;
                } else if (bestRank != Rank.DIRECT && !notFound) {
                    best = e;
                    bestRank = Rank.PROXY;
                } else if (bestRank == Rank.NOT_FOUND) {
                    best = e;
                }
                boolean fallBack = entry instanceof ProxyList.Proxy p && p.fallBackOnError();
                if (!fallBack && !notFound) {
                    break;
                }
            }
        }
        throw best;
    }

    /** How useful an error is to the user, least first. */
    private enum Rank { NOT_FOUND, PROXY, DIRECT }

    /** {@code off}: every lookup is not-found. */
    private static final class OffSource implements ModuleSource {
        private static ModuleNotFoundException off(String subject) {
            return new ModuleNotFoundException(subject + ": module lookup disabled by GOPROXY=off",
                    "set GOPROXY to a module proxy, or pass --proxy <url>");
        }

        @Override
        public List<String> versions(String modulePath) {
            throw off("module " + modulePath);
        }

        @Override
        public RevInfo info(ModuleVersion version) {
            throw off(version.toString());
        }

        @Override
        public RevInfo query(String modulePath, String query) {
            throw off(modulePath + "@" + query);
        }

        @Override
        public Optional<RevInfo> latest(String modulePath) {
            throw off("module " + modulePath);
        }

        @Override
        public InputStream goMod(ModuleVersion version) {
            throw off(version.toString());
        }

        @Override
        public InputStream zip(ModuleVersion version) {
            throw off(version.toString());
        }

        @Override
        public String describe() {
            return "off";
        }
    }
}
