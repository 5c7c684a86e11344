package dev.gosync.agent.state;

import dev.gosync.bundle.archive.BundleReader;
import dev.gosync.bundle.archive.TrustPolicy;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The stateless way to continue a channel ({@code gosync export --since <bundle>}): the plan
 * comes from a previous bundle instead of the state file.
 *
 * <p>Only the manifest is read. Its integrity is checked (its id must match its content and,
 * for a split bundle, the index's bundle id), but not its signature: the connected side reads
 * what it wrote itself, and may not hold the trust store the isolated side verifies with. The
 * file entries are not read, so a bundle of many gigabytes costs only its first entry.
 *
 * <p>Only that bundle's files count as shipped. Files of earlier bundles of the channel that it
 * does not carry go out again, which is harmless (an import accepts a file it already holds with
 * the same content); the state file remembers the whole channel.
 */
public final class SinceBundle {

    private SinceBundle() {
    }

    /**
     * The plan that continues after {@code bundle}: a bundle file, or the base name, first part
     * or index of a split bundle. Parent is its id, sequence its sequence plus one, channel its
     * channel, and its files are the shipped ones.
     *
     * @throws dev.gosync.gomod.GosyncException from the bundle reader when it is missing, damaged
     *     or not a bundle
     */
    public static IncrementalPlan plan(Path bundle) {
        BundleReader reader = BundleReader.open(bundle, TrustPolicy.integrityOnly());
        Manifest previous = reader.manifest();
        try {
            reader.close();
        } catch (IOException e) {
            // The manifest is read and checked; failing to release the file changes nothing about it.
        }
        return continuing(previous);
    }

    /** The plan that continues after the bundle {@code previous} describes. */
    public static IncrementalPlan continuing(Manifest previous) {
        Map<String, ShippedFile> shipped = new HashMap<>();
        for (FileRow row : previous.files()) {
            shipped.put(row.path(), new ShippedFile(row.path(), row.sha256(), row.size(), previous.id()));
        }
        return IncrementalPlan.after(previous.channel(), previous.id(), previous.sequence(), shipped);
    }
}
