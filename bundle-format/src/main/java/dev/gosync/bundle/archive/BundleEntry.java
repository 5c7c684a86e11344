package dev.gosync.bundle.archive;

import dev.gosync.bundle.manifest.FileRow;
import java.io.InputStream;

/**
 * One file of a bundle being read.
 *
 * @param row its manifest row
 * @param content its bytes; the read that reaches the end throws a
 *     {@link dev.gosync.bundle.BundleException} instead of returning -1 when the bytes do not
 *     match the row, so write them to a temporary place and publish only after the end
 */
public record BundleEntry(FileRow row, InputStream content) {
}
