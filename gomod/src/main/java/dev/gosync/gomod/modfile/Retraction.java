package dev.gosync.gomod.modfile;

/**
 * A {@code retract} directive: the closed interval {@code [low, high]}, both ends equal for a
 * single version. The versions are as written (unquoted): x/mod checks them only against the
 * module path when resolving, so they may be non-canonical or invalid, which matches nothing.
 *
 * @param rationale the directive's comments, one per line without {@code //}; "" when there are none
 */
public record Retraction(String low, String high, String rationale) {
}
