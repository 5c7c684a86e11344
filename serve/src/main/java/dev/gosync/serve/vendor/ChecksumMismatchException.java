package dev.gosync.serve.vendor;

import dev.gosync.gomod.module.ModuleVersion;

/**
 * A module file from the mirror whose h1 hash differs from the project's go.sum: the mirror
 * holds other bytes than the ones the project was built and tested with.
 */
public final class ChecksumMismatchException extends VendorException {
    private final ModuleVersion module;
    private final String mirrorHash;
    private final String goSumHash;

    ChecksumMismatchException(ModuleVersion module, String file, String mirrorHash, String goSumHash, String source) {
        super("verifying " + module + file + ": checksum mismatch\n\tfrom " + source + ": " + mirrorHash
                        + "\n\tgo.sum:  " + goSumHash
                + "\nSECURITY ERROR: the mirror's copy is not the module version go.sum recorded",
                "find out how the mirror came to hold other bytes; if go.sum is wrong, fix it on the connected side "
                        + "(go mod tidy) and export again");
        this.module = module;
        this.mirrorHash = mirrorHash;
        this.goSumHash = goSumHash;
    }

    public ModuleVersion module() {
        return module;
    }

    public String mirrorHash() {
        return mirrorHash;
    }

    public String goSumHash() {
        return goSumHash;
    }
}
