package dev.gosync.bundle.sign.sshsig;

import dev.gosync.bundle.sign.SignatureException;
import dev.gosync.bundle.sign.SignatureException.Reason;
import dev.gosync.bundle.sign.VerifiedSigner;
import dev.gosync.bundle.sign.sshkey.SshPublicKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A trust store in OpenSSH's allowed_signers format (see ssh-keygen(1), "ALLOWED SIGNERS"), the
 * file {@code ssh-keygen -Y verify -f} reads.
 *
 * <p>Each line: principals (comma-separated, optionally in double quotes), optional options
 * ({@code namespaces="..."}, {@code valid-after="..."}, {@code valid-before="..."},
 * {@code cert-authority}; comma-separated, names case-insensitive), then a public key line.
 * Blank lines and lines starting with {@code #} are ignored.
 *
 * <p>Unlike {@code ssh-keygen}, which stops at the first line that matches, the whole file is
 * parsed up front and any malformed line is an error: a trust store that is partly unreadable
 * should be fixed, not half used. Certificate authorities are not supported: their lines are
 * read, reported by {@link #ignored()}, and never authorize a signature.
 */
public final class AllowedSigners {
    private final String source;
    private final List<AllowedSigner> signers;

    private AllowedSigners(String source, List<AllowedSigner> signers) {
        this.source = source;
        this.signers = List.copyOf(signers);
    }

    /** Reads {@code file}; times without a zone are local times of this machine, as in ssh-keygen. */
    public static AllowedSigners load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), ZoneId.systemDefault());
        } catch (IOException e) {
            throw new AllowedSignersException("cannot read allowed signers file " + file + ": " + e,
                    "check the path of the trust store and its permissions", e);
        }
    }

    /**
     * @param source names the file in messages
     * @param localZone the zone of {@code valid-after}/{@code valid-before} times without {@code Z}
     */
    public static AllowedSigners parse(String text, String source, ZoneId localZone) {
        List<AllowedSigner> signers = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            AllowedSigner signer = new AllowedSignerParser(lines[i], source, i + 1, localZone).parse();
            if (signer != null) {
                signers.add(signer);
            }
        }
        return new AllowedSigners(source, signers);
    }

    public String source() {
        return source;
    }

    /** Every key line, certificate authorities included, in file order. */
    public List<AllowedSigner> signers() {
        return signers;
    }

    /** Notes on lines that are read but never used, for the caller to show. */
    public List<String> ignored() {
        List<String> notes = new ArrayList<>();
        for (AllowedSigner signer : signers) {
            if (signer.certAuthority()) {
                notes.add(source + ":" + signer.line() + ": cert-authority line ignored: gosync does not support "
                        + "SSH certificates; list the signing keys themselves");
            }
        }
        return notes;
    }

    /**
     * Who {@code key} speaks for when it signs for {@code namespace} at {@code time}: the
     * principals of every line with this exact key that allows the namespace and time.
     *
     * @throws SignatureException {@link Reason#UNKNOWN_SIGNER} when no line has the key,
     *     {@link Reason#SIGNER_NOT_ALLOWED} when the lines that have it forbid this use
     */
    public VerifiedSigner authorize(SshPublicKey key, String namespace, Instant time) {
        List<String> principals = new ArrayList<>();
        String refusal = null;
        boolean onlyAsAuthority = false;
        for (AllowedSigner signer : signers) {
            if (!signer.key().sameKey(key)) {
                continue;
            }
            if (signer.certAuthority()) {
                onlyAsAuthority = true;
                continue;
            }
            var why = signer.refusal(namespace, time);
            if (why.isPresent()) {
                refusal = refusal == null ? why.get() : refusal;
                continue;
            }
            signer.principals().stream().filter(p -> !principals.contains(p)).forEach(principals::add);
        }
        if (!principals.isEmpty()) {
            return new VerifiedSigner(principals, key.type(), key.fingerprint());
        }
        if (refusal != null) {
            throw new SignatureException(Reason.SIGNER_NOT_ALLOWED, "signing key " + key.fingerprint() + " is known to "
                    + source + ", but " + refusal, "extend the key's line in the trust store if this use is intended");
        }
        throw new SignatureException(Reason.UNKNOWN_SIGNER, "signing key " + key.type() + " " + key.fingerprint()
                + " is not trusted by " + source + (onlyAsAuthority ? " (it is listed only as a cert-authority, "
                + "which gosync does not support)" : ""),
                "if you trust this key, add a line \"<principal> " + key.toLine().strip() + "\" to " + source);
    }

    @Override
    public String toString() {
        return "AllowedSigners[" + source + ", " + signers.size() + " keys]";
    }
}
