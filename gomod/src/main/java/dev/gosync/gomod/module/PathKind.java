package dev.gosync.gomod.module;

/** The three kinds of slash-separated paths Go checks, from the strictest to the most permissive. */
public enum PathKind {
    /** A module path: ASCII letters, digits and {@code -._~}, with a domain-like first element. */
    MODULE("module"),
    /** A package import path: the module characters plus {@code +}. */
    IMPORT("import"),
    /** A file path inside a module zip: also Unicode letters, space and more punctuation. */
    FILE("file");

    private final String noun;

    PathKind(String noun) {
        this.noun = noun;
    }

    /** The word x/mod uses for the kind in its messages. */
    public String noun() {
        return noun;
    }
}
