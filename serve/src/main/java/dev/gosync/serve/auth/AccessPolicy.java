package dev.gosync.serve.auth;

import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.module.PrefixPatterns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Who may fetch which modules. Without a policy file everything is public. A policy file holds
 * one rule a line ({@code #} at the start of a line or after whitespace starts a comment):
 * <pre>
 * public &lt;patterns&gt;                     modules anyone may fetch
 * token  &lt;secret&gt; &lt;patterns&gt;            a bearer token ({@code Authorization: Bearer ...})
 * user   &lt;name&gt; &lt;secret&gt; &lt;patterns&gt;     basic authentication (what the go command sends from .netrc)
 * </pre>
 * Patterns are comma-separated module path prefixes in the glob syntax of GOPRIVATE
 * ({@code corp.example/team-a,*.corp.example}; {@code *} matches every module). A secret is
 * written as is, or as {@code sha256:<hex>} of it so the file need not hold it.
 *
 * <p>The answers keep private modules private: a request without credentials for a module that
 * is not public gets 401 whether or not the module exists (the go command then retries with
 * credentials from .netrc or GOAUTH); a request with valid credentials for a module outside its
 * prefixes gets the same 404 as a module the mirror does not hold, so its existence does not
 * leak. Wrong credentials get 401.
 */
public final class AccessPolicy {
    private static final AccessPolicy OPEN = new AccessPolicy(List.of("*"), List.of());

    private final List<String> publicPatterns;
    private final List<Grant> grants;

    /** One credential: the hash of what the client sends (token, or user:password), its name, its patterns. */
    private record Grant(byte[] secretHash, String name, String patterns, boolean basic) {
    }

    /** The verdict on one request. */
    public enum Verdict {
        /** Serve it. */
        ALLOW,
        /** 401: credentials missing or wrong. */
        CHALLENGE,
        /** 404: authenticated, but the module is not for this client. */
        HIDE
    }

    /** A verdict and the authenticated name (for the access log), or null for anonymous. */
    public record Access(Verdict verdict, String principal) {
    }

    private AccessPolicy(List<String> publicPatterns, List<Grant> grants) {
        this.publicPatterns = publicPatterns;
        this.grants = grants;
    }

    /** Everything public, no credentials looked at. */
    public static AccessPolicy open() {
        return OPEN;
    }

    /** Whether any request may need credentials. */
    public boolean restricted() {
        return this != OPEN;
    }

    /**
     * Reads a policy file.
     *
     * @throws GosyncException naming the file and line of the first bad rule
     */
    public static AccessPolicy load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GosyncException("cannot read the access policy " + file + ": " + e,
                    "check the path given to --auth", e);
        }
        return parse(lines, file.toString());
    }

    /** Parses policy lines; source names them in errors. */
    public static AccessPolicy parse(List<String> lines, String source) {
        List<String> open = new ArrayList<>();
        List<Grant> grants = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] f = withoutComment(line).trim().split("\\s+");
            if (f.length == 1 && f[0].isEmpty()) {
                continue;
            }
            String where = source + ":" + (i + 1);
            switch (f[0]) {
                case "public" -> {
                    require(f.length == 2, where, "public takes one pattern list" + found(f));
                    open.add(f[1]);
                }
                case "token" -> {
                    require(f.length == 3, where, "token takes a secret and a pattern list" + found(f));
                    grants.add(new Grant(secretHash(f[1], where), "token#" + (grants.size() + 1), f[2], false));
                }
                case "user" -> {
                    require(f.length == 4, where, "user takes a name, a secret and a pattern list" + found(f));
                    require(f[1].indexOf(':') < 0, where, "a user name cannot contain ':'");
                    byte[] hashOfSecret = secretHash(f[2], where);
                    grants.add(new Grant(userHash(f[1], hashOfSecret), f[1], f[3], true));
                }
                default -> throw bad(where, "unknown rule " + f[0] + " (expected public, token or user)");
            }
        }
        return new AccessPolicy(List.copyOf(open), List.copyOf(grants));
    }

    /**
     * The line without its comment: {@code #} starts one at the start of the line or after
     * whitespace, so a secret may contain {@code #} (one that starts with it can be written as
     * its {@code sha256:} form).
     */
    private static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** What the rule holds instead, for the error message. */
    private static String found(String[] fields) {
        int n = fields.length - 1;
        return ", but the line has " + (n == 0 ? "nothing" : n == 1 ? "1 field" : n + " fields") + " after " + fields[0];
    }

    /** The verdict for a request for modulePath with the given Authorization header (may be null). */
    public Access decide(String authorization, String modulePath) {
        if (this == OPEN) {
            return new Access(Verdict.ALLOW, null);
        }
        Grant grant = null;
        if (authorization != null) {
            grant = authenticate(authorization.trim());
            if (grant == null) {
                return new Access(Verdict.CHALLENGE, null);
            }
        }
        for (String p : publicPatterns) {
            if (PrefixPatterns.matches(p, modulePath)) {
                return new Access(Verdict.ALLOW, grant == null ? null : grant.name);
            }
        }
        if (grant == null) {
            return new Access(Verdict.CHALLENGE, null);
        }
        return new Access(PrefixPatterns.matches(grant.patterns, modulePath) ? Verdict.ALLOW : Verdict.HIDE, grant.name);
    }

    private Grant authenticate(String header) {
        boolean basic;
        byte[] presented;
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            basic = false;
            presented = sha256(header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
        } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            basic = true;
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            presented = userHash(decoded.substring(0, colon),
                    sha256(decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8)));
        } else {
            return null;
        }
        Grant found = null;
        // Compare against every grant in constant time, so timing does not tell how close a guess was.
        for (Grant g : grants) {
            if (MessageDigest.isEqual(g.secretHash, presented) && g.basic == basic && found == null) {
                found = g;
            }
        }
        return found;
    }

    private static byte[] userHash(String user, byte[] secretHash) {
        return sha256((user + ":" + HexFormat.of().formatHex(secretHash)).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] secretHash(String secret, String where) {
        if (secret.startsWith("sha256:")) {
            String hex = secret.substring(7);
            require(hex.length() == 64 && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0), where,
                    "sha256: must be followed by 64 hex digits");
            return HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
        }
        return sha256(secret.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void require(boolean ok, String where, String problem) {
        if (!ok) {
            throw bad(where, problem);
        }
    }

    private static GosyncException bad(String where, String problem) {
        return new GosyncException("access policy " + where + ": " + problem,
                "rules are: public PATTERNS | token SECRET PATTERNS | user NAME SECRET PATTERNS");
    }
}
