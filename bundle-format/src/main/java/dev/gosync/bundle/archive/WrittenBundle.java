package dev.gosync.bundle.archive;

import java.nio.file.Path;
import java.util.List;

/**
 * A bundle that was written and published.
 *
 * @param bundleId the manifest's id
 * @param files the bundle file, or the parts in order followed by the index
 * @param compressedBytes the total size of the compressed archive
 */
public record WrittenBundle(String bundleId, List<Path> files, long compressedBytes) {

    public WrittenBundle {
        files = List.copyOf(files);
    }
}
