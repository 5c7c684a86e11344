package dev.gosync.agent.proxy;

import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.store.ModuleSource;
import dev.gosync.gomod.store.RevInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The stand-in for {@code direct} while gosync cannot fetch from version control: every request
 * fails with {@link DirectModeUnavailableException}, naming the module and pointing to a proxy.
 */
public final class UnavailableDirectSource implements ModuleSource {
    public static final UnavailableDirectSource INSTANCE = new UnavailableDirectSource();

    private UnavailableDirectSource() {
    }

    @Override
    public List<String> versions(String modulePath) {
        throw new DirectModeUnavailableException("module " + modulePath);
    }

    @Override
    public RevInfo info(ModuleVersion version) {
        throw new DirectModeUnavailableException(version.toString());
    }

    @Override
    public RevInfo query(String modulePath, String query) {
        throw new DirectModeUnavailableException(modulePath + "@" + query);
    }

    @Override
    public Optional<RevInfo> latest(String modulePath) {
        throw new DirectModeUnavailableException("module " + modulePath);
    }

    @Override
    public InputStream goMod(ModuleVersion version) {
        throw new DirectModeUnavailableException(version.toString());
    }

    @Override
    public InputStream zip(ModuleVersion version) {
        throw new DirectModeUnavailableException(version.toString());
    }

    @Override
    public String describe() {
        return "direct (unavailable)";
    }
}
