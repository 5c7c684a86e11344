package dev.gosync.bundle.archive;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import dev.gosync.bundle.manifest.BundlePath;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * What a tar entry of a bundle may be: a plain regular file with a safe relative name. Everything
 * else (links, devices, fifos, directories, sparse or contiguous files, names that climb out or
 * start at the root) is refused before any of its bytes are used.
 */
final class EntryRules {

    private EntryRules() {
    }

    static void requireSafeRegularFile(TarArchiveEntry entry, String bundle) {
        String name = BundlePath.quote(entry.getName());
        String kind = refusedKind(entry);
        if (kind != null) {
            throw hostile(bundle + " has " + kind + " entry " + name + "; bundles hold regular files only");
        }
        Optional<String> problem = BundlePath.problem(entry.getName());
        if (problem.isPresent()) {
            throw hostile(bundle + " has an entry with unsafe name " + name + ": " + problem.get());
        }
    }

    private static String refusedKind(TarArchiveEntry entry) {
        if (entry.isSymbolicLink()) {
            return "a symbolic link (to " + BundlePath.quote(entry.getLinkName()) + ")";
        }
        if (entry.isLink()) {
            return "a hard link (to " + BundlePath.quote(entry.getLinkName()) + ")";
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice()) {
            return "a device";
        }
        if (entry.isFIFO()) {
            return "a fifo";
        }
        if (entry.isDirectory()) {
            return "a directory";
        }
        if (entry.isSparse()) {
            return "a sparse file";
        }
        byte type = entry.getLinkFlag();
        if (type != TarConstants.LF_NORMAL && type != TarConstants.LF_OLDNORM) {
            return "an unsupported type '" + (char) type + "'";
        }
        return null;
    }

    private static BundleException hostile(String message) {
        return new BundleException(Problem.HOSTILE_ENTRY, message, "do not use this bundle; it was not written by "
                + "gosync or was tampered with");
    }
}
