package dev.gosync.agent.auth;

import dev.gosync.agent.env.GoEnvironment;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/**
 * Which credentials requests carry, and over which connections.
 *
 * <p>Like the go command, gosync sends credentials (from GOAUTH or from the user info of a proxy
 * URL) only over https. {@link #allowingPlainHttpToLoopback()} relaxes that for one case only:
 * plain http to this machine ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}), where the
 * traffic never crosses a network. It exists for tests and for a proxy running on the same host;
 * it is never on by default and never extends to other hosts.
 *
 * @param credentials             where credentials come from
 * @param plainHttpToLoopback     whether plain http to a loopback address may carry credentials
 */
public record AuthConfig(CredentialProvider credentials, boolean plainHttpToLoopback) {
    public AuthConfig {
        Objects.requireNonNull(credentials, "credentials");
    }

    /** No credentials at all (GOAUTH=off, no user info honoured over http). */
    public static AuthConfig none() {
        return new AuthConfig(CredentialProvider.NONE, false);
    }

    /** GOAUTH as the environment sets it, over https only. */
    public static AuthConfig fromEnvironment(GoEnvironment env) {
        return new AuthConfig(GoAuth.fromEnvironment(env), false);
    }

    /** This configuration, also sending credentials over plain http to loopback addresses (see the class comment). */
    public AuthConfig allowingPlainHttpToLoopback() {
        return new AuthConfig(credentials, true);
    }

    /** Whether a request to {@code url} may carry credentials. */
    public boolean mayAuthenticate(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || (plainHttpToLoopback && scheme.equals("http") && isLoopback(url.getHost()));
    }

    /** Literal loopback addresses and {@code localhost}; names are never resolved here. */
    static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            try {
                // An IPv6 literal: parsed, never looked up.
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return parts[0].equals("127");
    }
}
