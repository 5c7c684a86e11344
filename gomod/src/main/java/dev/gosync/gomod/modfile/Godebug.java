package dev.gosync.gomod.modfile;

/** A {@code godebug key=value} directive; the key may be empty, as x/mod allows. */
public record Godebug(String key, String value) {
}
