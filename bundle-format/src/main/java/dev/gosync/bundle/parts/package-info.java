/**
 * How a bundle's compressed bytes are stored: one file, or numbered parts of bounded size with
 * a small index, for media or transfer channels with a size limit. Output appears atomically;
 * input checks that parts are complete, in order and unaltered.
 *
 * <p>Split layout for a bundle named {@code B}: parts {@code B.part-0001}, {@code B.part-0002},
 * ... (at most 9999), which are plain slices of the single-file bundle ({@code cat B.part-* > B}
 * rebuilds it), and the index {@code B.parts.json}, which records the bundle id, the total size
 * and each part's size and SHA-256. The index is a transport aid that makes a missing, swapped,
 * truncated or foreign part an exact error; trust still comes from the signed manifest inside.
 */
package dev.gosync.bundle.parts;
