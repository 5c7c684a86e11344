package dev.gosync.agent.vcs;

import dev.gosync.gomod.module.ModulePath;
import dev.gosync.gomod.store.ModuleNotFoundException;

/**
 * Where a module lives in its repository, worked out as the go command's {@code newCodeRepo}
 * does: the module path minus the repository's import path minus the major-version suffix gives
 * {@code codeDir}, the directory whose tags ({@code codeDir/vX.Y.Z}) and go.mod belong to the
 * module. A {@code /vN} module may instead live in {@code codeDir/vN} (see {@link CodeRepo}).
 *
 * @param modulePath  the module path
 * @param codeRoot    the import path of the repository root
 * @param codeDir     the module's directory in the repository, "" for the root
 * @param pathPrefix  the module path without its major-version suffix (the whole path when it is
 *                    the repository's own path)
 * @param pathMajor   the major-version suffix ({@code /v2}, gopkg.in's {@code .v2}), or ""
 * @param pseudoMajor the major version pseudo-versions without a base start from ({@code v2}), or ""
 */
record ModuleLayout(String modulePath, String codeRoot, String codeDir, String pathPrefix, String pathMajor,
        String pseudoMajor) {

    /**
     * @param subdir the directory the repository's go-import declaration names for its modules, or ""
     * @throws ModuleNotFoundException if the module path is not inside the repository
     */
    static ModuleLayout of(String modulePath, String codeRoot, String subdir) {
        ModulePath.checkPath(modulePath);
        if (!hasPathPrefix(modulePath, codeRoot)) {
            throw new ModuleNotFoundException("mismatched repo: found " + codeRoot + " for " + modulePath,
                    "serve this module from the repository whose import path is a prefix of it");
        }
        // checkPath has just made sure the split succeeds.
        ModulePath.SplitPath split = ModulePath.splitPathVersion(modulePath).orElseThrow();
        String pathPrefix = codeRoot.equals(modulePath) ? modulePath : split.prefix();
        String codeDir = "";
        if (!codeRoot.equals(modulePath)) {
            if (!hasPathPrefix(pathPrefix, codeRoot)) {
                throw new ModuleNotFoundException("repository rooted at " + codeRoot + " cannot contain module "
                        + modulePath, "serve this module from the repository it belongs to");
            }
            codeDir = trimSlashes(pathPrefix.substring(codeRoot.length()));
        }
        if (!subdir.isEmpty()) {
            codeDir = codeDir.isEmpty() ? subdir : codeDir + "/" + subdir;
        }
        return new ModuleLayout(modulePath, codeRoot, codeDir, pathPrefix, split.pathMajor(),
                majorPrefix(split.pathMajor()));
    }

    /** What precedes a version in the module's tag names: {@code codeDir/}, or "" at the root. */
    String tagPrefix() {
        return codeDir.isEmpty() ? "" : codeDir + "/";
    }

    /** x/mod's {@code PathMajorPrefix}: {@code /v2}, {@code .v2} and {@code .v2-unstable} all give {@code v2}. */
    static String majorPrefix(String pathMajor) {
        if (pathMajor.isEmpty()) {
            return "";
        }
        String m = pathMajor.endsWith("-unstable") ? pathMajor.substring(0, pathMajor.length() - "-unstable".length())
                : pathMajor;
        return m.substring(1);
    }

    /** Whether the path s begins with the elements of prefix (a prefix ending in "/" matches as a string). */
    static boolean hasPathPrefix(String s, String prefix) {
        if (s.length() == prefix.length()) {
            return s.equals(prefix);
        }
        if (s.length() < prefix.length()) {
            return false;
        }
        if (!prefix.isEmpty() && prefix.endsWith("/")) {
            return s.startsWith(prefix);
        }
        return s.charAt(prefix.length()) == '/' && s.startsWith(prefix);
    }

    private static String trimSlashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(start, end);
    }
}
