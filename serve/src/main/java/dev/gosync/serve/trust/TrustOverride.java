package dev.gosync.serve.trust;

/**
 * One use of a {@link TrustOverrides} flag: a bundle that would have been refused was accepted.
 *
 * @param flag the flag that allowed it, e.g. {@code --allow-unsigned}
 * @param refusal what would have been refused, as the refusal's message says it
 */
public record TrustOverride(String flag, String refusal) {

    /** One line for the terminal and the audit log. */
    public String describe() {
        return flag + ": accepted although " + refusal;
    }
}
