package dev.gosync.bundle.sign.sshsig;

import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * The options of an allowed_signers line: comma-separated, names case-insensitive, values in
 * double quotes ({@code \"} escapes a quote), each at most once.
 */
record SignerOptions(boolean certAuthority, String namespaces, Instant validAfter, Instant validBefore) {
    static final SignerOptions NONE = new SignerOptions(false, null, null, null);

    static SignerOptions parse(String options, ZoneId zone, Function<String, AllowedSignersException> error) {
        return new Parser(options, zone, error).parse();
    }

    private static final class Parser {
        private final String options;
        private final ZoneId zone;
        private final Function<String, AllowedSignersException> error;
        private int at;

        Parser(String options, ZoneId zone, Function<String, AllowedSignersException> error) {
            this.options = options;
            this.zone = zone;
            this.error = error;
        }

        SignerOptions parse() {
            boolean certAuthority = false;
            String namespaces = null;
            Instant validAfter = null;
            Instant validBefore = null;
            while (true) {
                if (take("cert-authority")) {
                    certAuthority = true;
                } else if (take("namespaces=")) {
                    namespaces = once("namespaces", namespaces, quoted("namespaces"));
                } else if (take("valid-after=")) {
                    validAfter = once("valid-after", validAfter, time("valid-after"));
                } else if (take("valid-before=")) {
                    validBefore = once("valid-before", validBefore, time("valid-before"));
                } else {
                    throw error.apply("unknown option at \"" + options.substring(at) + "\" (known: namespaces, "
                            + "valid-after, valid-before, cert-authority)");
                }
                if (at == options.length()) {
                    break;
                }
                if (options.charAt(at) != ',') {
                    throw error.apply("unknown option at \"" + options.substring(at) + "\"");
                }
                at++;
                if (at == options.length()) {
                    throw error.apply("the options end with a comma");
                }
            }
            if (validAfter != null && validBefore != null && !validBefore.isAfter(validAfter)) {
                throw error.apply("valid-before is not later than valid-after");
            }
            return new SignerOptions(certAuthority, namespaces, validAfter, validBefore);
        }

        private <T> T once(String option, T previous, T value) {
            if (previous != null) {
                throw error.apply("more than one " + option + " option");
            }
            return value;
        }

        private boolean take(String name) {
            if (options.regionMatches(true, at, name, 0, name.length())) {
                at += name.length();
                return true;
            }
            return false;
        }

        private String quoted(String option) {
            if (at >= options.length() || options.charAt(at) != '"') {
                throw error.apply("the value of " + option + " must be in double quotes");
            }
            StringBuilder value = new StringBuilder();
            int i = at + 1;
            while (i < options.length() && options.charAt(i) != '"') {
                if (options.charAt(i) == '\\' && i + 1 < options.length() && options.charAt(i + 1) == '"') {
                    i++;
                }
                value.append(options.charAt(i++));
            }
            if (i >= options.length()) {
                throw error.apply("the value of " + option + " has no closing quote");
            }
            at = i + 1;
            return value.toString();
        }

        private Instant time(String option) {
            String value = quoted(option);
            Instant time = SignerTime.parse(value, zone);
            if (time == null) {
                throw error.apply(option + "=\"" + value + "\" is not a time like 20240501, 202405011200 or "
                        + "20240501120000, optionally followed by Z for UTC");
            }
            return time;
        }
    }
}
