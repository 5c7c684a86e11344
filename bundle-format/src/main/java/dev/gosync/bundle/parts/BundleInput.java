package dev.gosync.bundle.parts;

import dev.gosync.bundle.BundleException;
import dev.gosync.bundle.BundleException.Problem;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The compressed bytes of a bundle, from one file or reassembled from parts.
 *
 * <p>{@link #open} accepts the bundle file, or for a split bundle its base name, its first part
 * or its index. For a split bundle it checks up front that the index is readable, that every
 * part exists with the recorded size and that no extra part follows; each part's SHA-256 is
 * checked when the stream reaches its end.
 */
public final class BundleInput implements Closeable {
    private final Path name;
    private final InputStream stream;
    private final SplitInputStream split;
    private final PartIndex index;

    private BundleInput(Path name, InputStream stream, SplitInputStream split, PartIndex index) {
        this.name = name;
        this.stream = stream;
        this.split = split;
        this.index = index;
    }

    public static BundleInput open(Path given) {
        if (given.getFileName() == null) {
            throw new BundleException(Problem.NOT_FOUND, "no bundle at " + given, "give the path of a bundle file");
        }
        Path indexBase = PartNames.baseOfIndex(given);
        if (indexBase != null) {
            return openSplit(indexBase);
        }
        int number = PartNames.partNumber(given);
        if (number > 1) {
            Path base = PartNames.baseOfPart(given);
            throw new BundleException(Problem.NOT_FOUND, given + " is part " + number + " of a split bundle",
                    "give the first part (" + PartNames.part(base, 1).getFileName() + ") or the base name ("
                            + base.getFileName() + ")");
        }
        if (number == 1) {
            return openSplit(PartNames.baseOfPart(given));
        }
        if (Files.isRegularFile(given)) {
            try {
                return new BundleInput(given, Files.newInputStream(given), null, null);
            } catch (IOException e) {
                throw new BundleException(Problem.IO, "cannot read bundle " + given + ": " + e.getMessage(),
                        "check the file's permissions", e);
            }
        }
        if (Files.isRegularFile(PartNames.index(given)) || Files.isRegularFile(PartNames.part(given, 1))) {
            return openSplit(given);
        }
        throw new BundleException(Problem.NOT_FOUND, "no bundle at " + given + " (neither a file nor the parts of a "
                + "split bundle)", "check the path");
    }

    /** The name the bundle was opened by (file or base name), for messages. */
    public Path name() {
        return name;
    }

    public InputStream stream() {
        return stream;
    }

    /** For a split bundle, the bundle id its index records. */
    public Optional<String> expectedBundleId() {
        return Optional.ofNullable(index).map(PartIndex::bundleId);
    }

    /**
     * After a failure while reading: an error naming the part that does not match the index,
     * if one does not (a swapped or damaged part shows up as garbled compressed data first).
     * Reads the parts that have not been checked yet.
     */
    public Optional<BundleException> diagnose() {
        return split == null ? Optional.empty() : split.diagnose();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }

    private static BundleInput openSplit(Path base) {
        Path indexFile = PartNames.index(base);
        if (!Files.isRegularFile(indexFile)) {
            throw new BundleException(Problem.MISSING_PART, "the index " + indexFile.getFileName() + " of split bundle "
                    + base.getFileName() + " is missing", "copy it along with the parts; it is written next to them");
        }
        PartIndex index;
        try {
            index = PartIndex.parse(Files.readAllBytes(indexFile), indexFile.toString());
        } catch (IOException e) {
            throw new BundleException(Problem.IO, "cannot read " + indexFile + ": " + e.getMessage(),
                    "check the file's permissions", e);
        }
        List<Path> files = new ArrayList<>();
        int count = index.parts().size();
        for (int i = 1; i <= count; i++) {
            Path part = PartNames.part(base, i);
            long expected = index.parts().get(i - 1).size();
            if (!Files.isRegularFile(part)) {
                throw new BundleException(Problem.MISSING_PART, "part " + i + " of " + count + " ("
                        + part.getFileName() + ") of split bundle " + base.getFileName() + " is missing",
                        "copy every part listed in " + indexFile.getFileName() + " into " + part.toAbsolutePath()
                                .getParent());
            }
            long actual = size(part);
            if (actual != expected) {
                throw new BundleException(Problem.PART_MISMATCH, "part " + i + " of " + count + " ("
                        + part.getFileName() + ") has " + actual + " bytes, the index says " + expected
                        + ": it is truncated, or belongs to another bundle", "copy the part again");
            }
            files.add(part);
        }
        Path extra = PartNames.part(base, count + 1);
        if (Files.exists(extra)) {
            throw new BundleException(Problem.PART_MISMATCH, "found " + extra.getFileName() + ", but the index lists "
                    + count + " parts: parts of different bundles are mixed", "keep each bundle's parts apart");
        }
        SplitInputStream split = new SplitInputStream(files, index);
        return new BundleInput(base, split, split, index);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new BundleException(Problem.IO, "cannot read " + file + ": " + e.getMessage(),
                    "check the file's permissions", e);
        }
    }
}
