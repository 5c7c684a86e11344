package dev.gosync.serve.trust;

import dev.gosync.bundle.archive.TrustPolicy;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.bundle.sign.SignatureException;
import dev.gosync.bundle.sign.SignatureVerifier;
import dev.gosync.bundle.sign.VerifiedSigner;
import dev.gosync.bundle.sign.sshsig.AllowedSigners;
import dev.gosync.bundle.sign.sshsig.SshSigSigner;
import dev.gosync.bundle.sign.sshsig.SshSigVerifier;
import dev.gosync.bundle.sign.sshsig.SshSignature;
import dev.gosync.gomod.GosyncException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The isolated side's trust: an OpenSSH {@code allowed_signers} file and the overrides the
 * operator granted. Each bundle is read through a fresh {@link Check}, which hands the reader its
 * {@link TrustPolicy} and afterwards says who signed the bundle and which override let it in.
 *
 * <p>A missing trust store is an error only when a signed bundle has to be judged against it:
 * an unsigned bundle with {@code --allow-unsigned} needs no store, and with
 * {@code --allow-untrusted} a missing store is an empty one.
 */
public final class BundleTrust {
    /** How the mirror's chain names the signer of a bundle without a verified signature. */
    public static final String UNSIGNED = "unsigned";

    private final Path file;
    private final AllowedSigners store;
    private final TrustOverrides overrides;
    private final Clock clock;

    private BundleTrust(Path file, AllowedSigners store, TrustOverrides overrides, Clock clock) {
        this.file = file;
        this.store = store;
        this.overrides = overrides;
        this.clock = clock;
    }

    /**
     * Reads the trust store {@code file}, or the default one ({@link TrustStoreLocation}) when
     * empty.
     *
     * @throws GosyncException when a named file does not exist, or a trust store is malformed
     */
    public static BundleTrust load(Optional<Path> file, TrustOverrides overrides) {
        return load(file, overrides, Clock.systemUTC());
    }

    public static BundleTrust load(Optional<Path> file, TrustOverrides overrides, Clock clock) {
        Path path = file.orElseGet(TrustStoreLocation::defaultFile).toAbsolutePath();
        if (!Files.exists(path)) {
            if (file.isPresent()) {
                throw new GosyncException("trust store " + path + " does not exist", "give the allowed_signers file "
                        + "of the keys that sign your bundles (gosync keygen prints the line for a key)");
            }
            AllowedSigners empty = overrides.allowUntrusted() ? AllowedSigners.parse("", path.toString(),
                    ZoneId.systemDefault()) : null;
            return new BundleTrust(path, empty, overrides, clock);
        }
        return new BundleTrust(path, AllowedSigners.load(path), overrides, clock);
    }

    /** The trust store file read, or the default place where none was found. */
    public Path file() {
        return file;
    }

    public TrustOverrides overrides() {
        return overrides;
    }

    /** Notes on trust-store lines that are read but never used (certificate authorities). */
    public List<String> notes() {
        return store == null ? List.of() : store.ignored();
    }

    /** A new check for one bundle. */
    public Check check() {
        return new Check();
    }

    /** The trust decision for one bundle. */
    public final class Check {
        private final List<TrustOverride> used = new ArrayList<>();
        private String signerKey = UNSIGNED;

        private Check() {
        }

        /** The policy to open the bundle with. */
        public TrustPolicy policy() {
            return new TrustPolicy(new Verifier(), overrides.allowUnsigned());
        }

        /**
         * Call once the reader has opened the bundle: records the unsigned override if one was
         * needed.
         */
        public void opened(Manifest manifest) {
            if (!manifest.signed()) {
                used.add(new TrustOverride(TrustOverrides.UNSIGNED_FLAG, "bundle " + manifest.id() + " is not signed"));
            }
        }

        /** Overrides this bundle needed, in the order they applied. */
        public List<TrustOverride> overridesUsed() {
            return List.copyOf(used);
        }

        /**
         * The signer as the mirror's chain knows it: the key fingerprint when the signature
         * verified (trusted or let in by {@code --allow-untrusted}), else {@value #UNSIGNED}.
         */
        public String signerKey() {
            return signerKey;
        }

        /** Verifies against the store; turns refusals that an override covers into accepted, recorded signers. */
        private final class Verifier implements SignatureVerifier {
            @Override
            public String scheme() {
                return SshSigSigner.SCHEME;
            }

            @Override
            public VerifiedSigner verify(byte[] data, byte[] signature) {
                AllowedSigners trusted = store;
                if (trusted == null) {
                    throw new SignatureException(SignatureException.Reason.UNKNOWN_SIGNER, "the bundle is signed, "
                            + "but there is no trust store at " + file, "create it with the allowed_signers line of "
                            + "the signing key (gosync keygen prints it), or name one with --trust FILE");
                }
                try {
                    VerifiedSigner signer = new SshSigVerifier(trusted, clock).verify(data, signature);
                    signerKey = signer.fingerprint();
                    return signer;
                } catch (SignatureException e) {
                    return override(e, signature);
                }
            }

            private VerifiedSigner override(SignatureException e, byte[] signature) {
                switch (e.reason()) {
                    case UNKNOWN_SIGNER, SIGNER_NOT_ALLOWED -> {
                        if (!overrides.allowUntrusted()) {
                            throw withFlag(e, TrustOverrides.UNTRUSTED_FLAG);
                        }
                        used.add(new TrustOverride(TrustOverrides.UNTRUSTED_FLAG, e.getMessage()));
                        // The signature verified, so the key did sign: the chain may know it by its fingerprint.
                        var key = SshSignature.parse(signature).publicKey();
                        signerKey = key.fingerprint();
                        return new VerifiedSigner(List.of(), key.type(), key.fingerprint());
                    }
                    default -> {
                        if (!overrides.allowBadSignature()) {
                            throw withFlag(e, TrustOverrides.BAD_SIGNATURE_FLAG);
                        }
                        used.add(new TrustOverride(TrustOverrides.BAD_SIGNATURE_FLAG, e.getMessage()));
                        signerKey = UNSIGNED;
                        return new VerifiedSigner(List.of(), "none", UNSIGNED);
                    }
                }
            }

            private SignatureException withFlag(SignatureException e, String flag) {
                return new SignatureException(e.reason(), e.getMessage(), e.remedy() + " (to accept the bundle "
                        + "anyway, which is logged, pass " + flag + ")", e);
            }
        }
    }
}
