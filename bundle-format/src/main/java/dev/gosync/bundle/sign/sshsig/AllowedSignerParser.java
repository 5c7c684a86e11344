package dev.gosync.bundle.sign.sshsig;

import dev.gosync.bundle.sign.sshkey.KeyFormatException;
import dev.gosync.bundle.sign.sshkey.SshPublicKey;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * Parses one allowed_signers line as OpenSSH's sshsig.c does: principals (a token, or a
 * double-quoted string), then either a key or options followed by a key. Whether options are
 * present is decided by the second token: a key starts with its type ({@code ssh-},
 * {@code ecdsa-}, {@code sk-}).
 */
final class AllowedSignerParser {
    private static final String REMEDY = "fix the line; the format is described in ssh-keygen(1) under "
            + "ALLOWED SIGNERS";
    private static final String BLANKS = " \t\r";

    private final String text;
    private final String source;
    private final int number;
    private final ZoneId zone;
    private int pos;

    AllowedSignerParser(String text, String source, int number, ZoneId zone) {
        this.text = text;
        this.source = source;
        this.number = number;
        this.zone = zone;
    }

    /** The signer on this line, or null for a blank or comment line. */
    AllowedSigner parse() {
        skipBlanks();
        if (pos == text.length() || text.charAt(pos) == '#') {
            return null;
        }
        List<String> principals = principals();
        skipBlanks();
        if (pos == text.length()) {
            throw error("a key is missing after the principals");
        }
        SignerOptions options = SignerOptions.NONE;
        if (!startsWithKeyType()) {
            int end = endOfOptions();
            options = SignerOptions.parse(text.substring(pos, end), zone, this::error);
            pos = end;
            skipBlanks();
            if (pos == text.length()) {
                throw error("a key is missing after the options");
            }
        }
        SshPublicKey key;
        try {
            key = SshPublicKey.parse(text.substring(pos));
        } catch (KeyFormatException e) {
            throw new AllowedSignersException(source + ":" + number + ": " + e.getMessage(), REMEDY, e);
        }
        return new AllowedSigner(number, principals, options.certAuthority(), options.namespaces(),
                options.validAfter(), options.validBefore(), key);
    }

    private List<String> principals() {
        String token;
        if (text.charAt(pos) == '"') {
            int close = text.indexOf('"', pos + 1);
            if (close < 0) {
                throw error("the quoted principals have no closing quote");
            }
            token = text.substring(pos + 1, close);
            pos = close + 1;
        } else {
            int start = pos;
            while (pos < text.length() && BLANKS.indexOf(text.charAt(pos)) < 0) {
                if (text.charAt(pos) == '"') {
                    throw error("a quote inside the principals; quote the whole list instead");
                }
                pos++;
            }
            token = text.substring(start, pos);
        }
        List<String> principals = Arrays.asList(token.split(",", -1));
        if (principals.stream().anyMatch(String::isEmpty)) {
            throw error("the principals list \"" + token + "\" has an empty entry");
        }
        return principals;
    }

    private boolean startsWithKeyType() {
        int end = pos;
        while (end < text.length() && BLANKS.indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return text.substring(pos, end).matches("(ssh|ecdsa|sk)-[A-Za-z0-9@.-]+");
    }

    /** Options run to the first space or tab outside double quotes ({@code \"} escapes a quote). */
    private int endOfOptions() {
        boolean quoted = false;
        int i = pos;
        for (; i < text.length() && (quoted || (text.charAt(i) != ' ' && text.charAt(i) != '\t')); i++) {
            if (text.charAt(i) == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                i++;
            } else if (text.charAt(i) == '"') {
                quoted = !quoted;
            }
        }
        if (quoted) {
            throw error("an option value has no closing quote");
        }
        return i;
    }

    private void skipBlanks() {
        while (pos < text.length() && BLANKS.indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private AllowedSignersException error(String why) {
        return new AllowedSignersException(source + ":" + number + ": " + why, REMEDY);
    }
}
