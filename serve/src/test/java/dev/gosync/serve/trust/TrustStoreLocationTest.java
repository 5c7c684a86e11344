package dev.gosync.serve.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the trust store is looked for when {@code --trust} is not given. */
class TrustStoreLocationTest {
    private static final Path HOME = Path.of("/home/op");

    @Test
    void linuxUsesXdgConfigHome() {
        assertEquals(Path.of("/etc/xdg-op/gosync/allowed_signers"),
                TrustStoreLocation.defaultFile(Map.of("XDG_CONFIG_HOME", "/etc/xdg-op"), "Linux", HOME));
    }

    @Test
    void linuxFallsBackToDotConfigWhenTheVariableIsUnsetEmptyOrRelative() {
        Path expected = Path.of("/home/op/.config/gosync/allowed_signers");
        assertEquals(expected, TrustStoreLocation.defaultFile(Map.of(), "Linux", HOME));
        assertEquals(expected, TrustStoreLocation.defaultFile(Map.of("XDG_CONFIG_HOME", ""), "Linux", HOME));
        assertEquals(expected, TrustStoreLocation.defaultFile(Map.of("XDG_CONFIG_HOME", "rel/dir"), "FreeBSD", HOME));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertEquals(Path.of("/home/op/Library/Application Support/gosync/allowed_signers"),
                TrustStoreLocation.defaultFile(Map.of("XDG_CONFIG_HOME", "/x"), "Mac OS X", HOME));
    }

    @Test
    void windowsUsesAppData() {
        assertEquals(Path.of("C:/Users/op/AppData/Roaming").resolve("gosync").resolve("allowed_signers"),
                TrustStoreLocation.defaultFile(Map.of("APPDATA", "C:/Users/op/AppData/Roaming"), "Windows 11", HOME));
        assertEquals(HOME.resolve("AppData").resolve("Roaming").resolve("gosync").resolve("allowed_signers"),
                TrustStoreLocation.defaultFile(Map.of(), "Windows Server 2022", HOME));
    }
}
