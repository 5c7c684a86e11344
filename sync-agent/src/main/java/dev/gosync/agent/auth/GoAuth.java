package dev.gosync.agent.auth;

import dev.gosync.agent.env.GoEnvironment;
import dev.gosync.gomod.GoFields;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * GOAUTH: the {@code ;}-separated authentication methods of the go command. gosync supports
 * {@code netrc} (the default) and {@code off}; {@code git <dir>} and credential-helper commands
 * are refused with an error rather than silently ignored, so that a user relying on them learns
 * why requests go out without credentials.
 */
public final class GoAuth {
    private static final String REMEDY =
            "set GOAUTH=netrc and put the credentials in the .netrc file (NETRC or ~/.netrc), or set GOAUTH=off";

    private GoAuth() {
    }

    /**
     * The credential provider GOAUTH asks for.
     *
     * @param goauth the GOAUTH value
     * @param netrc  the {@code .netrc} file to read, if there is one to look for
     * @throws GoAuthException for an empty method, {@code off} combined with others, or an unsupported method
     */
    public static CredentialProvider parse(String goauth, Optional<Path> netrc) {
        String[] methods = goauth.split(";", -1);
        boolean useNetrc = false;
        for (String method : methods) {
            List<String> words = GoFields.split(method);
            String name = words.isEmpty() ? "" : words.get(0);
            switch (name) {
                case "" -> throw new GoAuthException("GOAUTH has an empty method (between or after ';')", REMEDY);
                case "off" -> {
                    if (methods.length != 1) {
                        throw new GoAuthException("GOAUTH=off cannot be combined with other authentication methods", REMEDY);
                    }
                    return CredentialProvider.NONE;
                }
                case "netrc" -> useNetrc = true;
                // The command line is not echoed: it may carry a token.
                case "git" -> throw new GoAuthException("GOAUTH method git is not supported by gosync yet", REMEDY);
                default -> throw new GoAuthException(
                        "GOAUTH credential commands are not supported by gosync yet (GOAUTH names a command)", REMEDY);
            }
        }
        return useNetrc && netrc.isPresent() ? new NetrcCredentials(netrc.get()) : CredentialProvider.NONE;
    }

    /** The provider for an environment's GOAUTH, NETRC and home directory. */
    public static CredentialProvider fromEnvironment(GoEnvironment env) {
        return parse(env.goauth(), Netrc.location(env));
    }
}
