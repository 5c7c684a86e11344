package dev.gosync.gomod.zip;

import dev.gosync.gomod.modfile.ModFile;
import dev.gosync.gomod.modfile.ModFileException;

/** The go line of the go.mod at the root of the module being zipped, which decides the vendor rule. */
final class ModuleGoVersion {
    private ModuleGoVersion() {
    }

    /**
     * The go version of goMod read laxly, as x/mod reads it for this purpose; "" when the file
     * has no go line or does not parse, which selects the older vendor rule.
     */
    static String of(byte[] goMod) {
        try {
            return ModFile.parseLax("go.mod", goMod).goVersion().orElse("");
        } catch (ModFileException unparsable) {
            return "";
        }
    }
}
