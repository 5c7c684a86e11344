package dev.gosync.bundle.manifest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a bundle holds: the first entry of every bundle, and the document its signature covers.
 *
 * <p>Construct one with {@link #builder()}, which sorts the files and derives the id; read one
 * with {@link ManifestCodec#parse}. The canonical constructor checks every field but not that
 * {@code id} matches the content; {@link ManifestCodec} checks that when reading and
 * {@code BundleWriter} before writing.
 *
 * @param formatVersion the bundle format, {@link #FORMAT_VERSION}; stored as
 *     {@code "gosync-bundle/1"} so that a newer format is recognised and refused by name
 * @param id the bundle id, see {@link ManifestCodec#bundleId}
 * @param channel names a sequence of bundles (e.g. {@code stable}): letters, digits, {@code ._-}
 * @param sequence position in the channel, so an importer can refuse replays and rollbacks
 * @param parent id of the previous bundle of the channel, or null for the first
 * @param created creation time, UTC, whole seconds, 1970 to 2242; also every tar entry's mtime
 * @param tool the tool and version that wrote the bundle, e.g. {@code gosync 0.1.0}
 * @param signature the signature scheme of the second entry ({@code sshsig}), or
 *     {@link #UNSIGNED} when the bundle has no signature entry
 * @param sources where the files came from (proxy URLs, VCS origins), without credentials
 * @param files the files, sorted by path, unique
 */
public record Manifest(
        int formatVersion,
        String id,
        String channel,
        long sequence,
        String parent,
        Instant created,
        String tool,
        String signature,
        List<String> sources,
        List<FileRow> files) {

    public static final int FORMAT_VERSION = 1;
    /** The {@link #signature} value of a bundle written without a signature. */
    public static final String UNSIGNED = "none";

    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SCHEME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7e]+");
    /** The latest time a tar header's mtime field holds without extensions (in the year 2242). */
    private static final Instant LATEST = Instant.ofEpochSecond(077777777777L);

    public Manifest {
        if (formatVersion != FORMAT_VERSION) {
            throw new ManifestException("bundle format version " + formatVersion + " is not supported (this gosync "
                    + "reads version " + FORMAT_VERSION + ")");
        }
        requireId("id", id);
        if (channel == null || !CHANNEL.matcher(channel).matches()) {
            throw new ManifestException("channel " + BundlePath.quote(channel) + " must be 1-64 letters, digits, "
                    + "'.', '_' or '-', starting with a letter or digit");
        }
        if (sequence < 0) {
            throw new ManifestException("sequence " + sequence + " is negative");
        }
        if (parent != null) {
            requireId("parent", parent);
        }
        if (created == null || created.getNano() != 0 || created.isBefore(Instant.EPOCH) || created.isAfter(LATEST)) {
            throw new ManifestException("created time " + created + " must be whole seconds between 1970 and " + LATEST
                    + ", UTC");
        }
        requirePrintable("tool", tool, 200);
        if (signature == null || !SCHEME.matcher(signature).matches()) {
            throw new ManifestException("signature scheme " + BundlePath.quote(signature) + " must be lowercase "
                    + "letters, digits and '-'");
        }
        sources = List.copyOf(sources);
        for (String source : sources) {
            requirePrintable("source", source, 4096);
            if (!Redaction.redact(source).equals(source)) {
                throw new ManifestException("source " + Redaction.redact(source) + " carries credentials (user "
                        + "info, query or fragment)", "pass sources through Redaction.redact before building "
                        + "the manifest");
            }
        }
        files = List.copyOf(files);
        requireSortedTree(files);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The sum of all file sizes. */
    public long totalSize() {
        long total = 0;
        for (FileRow row : files) {
            try {
                total = Math.addExact(total, row.size());
            } catch (ArithmeticException e) {
                throw new ManifestException("the manifest's file sizes add up to more than " + Long.MAX_VALUE + " bytes");
            }
        }
        return total;
    }

    /** Whether the bundle carries a signature entry. */
    public boolean signed() {
        return !UNSIGNED.equals(signature);
    }

    Manifest withId(String newId) {
        return new Manifest(formatVersion, newId, channel, sequence, parent, created, tool, signature, sources, files);
    }

    /** Whether {@code value} has the form of a bundle id (32 lowercase hex digits). */
    public static boolean isBundleId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    private static void requireId(String field, String value) {
        if (!isBundleId(value)) {
            throw new ManifestException(field + " " + BundlePath.quote(value) + " must be a bundle id "
                    + "(32 lowercase hex digits)");
        }
    }

    private static void requirePrintable(String field, String value, int maxLength) {
        if (value == null || value.length() > maxLength || !PRINTABLE.matcher(value).matches()) {
            throw new ManifestException(field + " " + BundlePath.quote(value) + " must be 1-" + maxLength
                    + " printable ASCII characters");
        }
    }

    /** Sorted, unique, and no path is both a file and a directory of another file. */
    private static void requireSortedTree(List<FileRow> files) {
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            String path = files.get(i).path();
            if (i > 0) {
                int order = files.get(i - 1).path().compareTo(path);
                if (order == 0) {
                    throw new ManifestException("duplicate file " + path + " in the manifest");
                }
                if (order > 0) {
                    throw new ManifestException("manifest files are not sorted by path: " + files.get(i - 1).path()
                            + " comes before " + path);
                }
            }
            paths.add(path);
        }
        for (String path : paths) {
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                String directory = path.substring(0, slash);
                if (paths.contains(directory)) {
                    throw new ManifestException("manifest path " + directory + " is a file and also the directory of "
                            + path);
                }
            }
        }
    }

    /** Collects the fields of a new manifest; {@link #build()} sorts the files and derives the id. */
    public static final class Builder {
        private String channel;
        private long sequence;
        private String parent;
        private Instant created;
        private String tool;
        private String signature = UNSIGNED;
        private List<String> sources = List.of();
        private final List<FileRow> files = new ArrayList<>();

        private Builder() {
        }

        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        public Builder sequence(long sequence) {
            this.sequence = sequence;
            return this;
        }

        /** The previous bundle's id, or null for the first bundle of the channel. */
        public Builder parent(String parent) {
            this.parent = parent;
            return this;
        }

        /** See {@link CreationTime}. */
        public Builder created(Instant created) {
            this.created = created;
            return this;
        }

        public Builder tool(String tool) {
            this.tool = tool;
            return this;
        }

        /** The signer's scheme, or {@link #UNSIGNED} (the default). */
        public Builder signature(String signature) {
            this.signature = signature;
            return this;
        }

        /** Source descriptions, already passed through {@link Redaction#redact}. */
        public Builder sources(List<String> sources) {
            this.sources = List.copyOf(sources);
            return this;
        }

        public Builder file(FileRow row) {
            files.add(row);
            return this;
        }

        public Builder files(List<FileRow> rows) {
            files.addAll(rows);
            return this;
        }

        public Manifest build() {
            List<FileRow> sorted = new ArrayList<>(files);
            sorted.sort(Comparator.comparing(FileRow::path));
            Manifest draft = new Manifest(FORMAT_VERSION, "0".repeat(32), channel, sequence, parent, created, tool,
                    signature, sources, sorted);
            return draft.withId(ManifestCodec.bundleId(draft));
        }
    }

    @Override
    public String toString() {
        return "Manifest[" + id + " " + channel + "#" + sequence + " created " + created.atOffset(ZoneOffset.UTC)
                + ", " + files.size() + " files]";
    }
}
