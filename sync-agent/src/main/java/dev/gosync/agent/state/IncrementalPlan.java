package dev.gosync.agent.state;

import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.gomod.GosyncException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the next bundle of a channel continues the chain, and what the channel already carried.
 * Made by {@link ExportState#plan} from the state file or by {@link SinceBundle#plan} from a
 * previous bundle.
 *
 * @param channel the channel
 * @param parent the id of the bundle the next one follows, or null when the next one is the first
 * @param sequence the next bundle's sequence number: 1 for the first bundle, then one more each time
 * @param shipped the files the channel already carried, by path
 */
public record IncrementalPlan(String channel, String parent, long sequence, Map<String, ShippedFile> shipped) {

    public IncrementalPlan {
        Objects.requireNonNull(channel, "channel");
        if (sequence < 1) {
            throw new IllegalArgumentException("the next sequence number must be at least 1, got " + sequence);
        }
        if (parent == null && sequence != 1) {
            throw new IllegalArgumentException("a bundle without parent starts its channel at sequence 1, got "
                    + sequence);
        }
        shipped = Map.copyOf(shipped);
    }

    /** The plan of a channel that has no bundle yet. */
    public static IncrementalPlan first(String channel) {
        return new IncrementalPlan(channel, null, 1, Map.of());
    }

    /**
     * The plan that follows bundle {@code parentId}, number {@code parentSequence} of the channel.
     *
     * @throws GosyncException when the parent has the last sequence number there is
     */
    public static IncrementalPlan after(String channel, String parentId, long parentSequence,
            Map<String, ShippedFile> shipped) {
        if (parentSequence == Long.MAX_VALUE) {
            throw new GosyncException("bundle " + parentId + " of channel " + channel + " has sequence number "
                    + parentSequence + ", the last there is; no bundle can follow it", "start a new channel");
        }
        return new IncrementalPlan(channel, parentId, parentSequence + 1, shipped);
    }

    /** Sets the channel, parent and sequence of the next bundle's manifest. */
    public Manifest.Builder applyTo(Manifest.Builder manifest) {
        return manifest.channel(channel).parent(parent).sequence(sequence);
    }

    /**
     * Sorts {@code candidates} (every file the export would carry in a full bundle) into those
     * still to ship, those shipped before with the same sha256, and conflicts: those shipped
     * before with another sha256. Keeps the candidates' order within each group.
     */
    public Selection select(Collection<FileRow> candidates) {
        List<FileRow> toShip = new ArrayList<>();
        List<FileRow> alreadyShipped = new ArrayList<>();
        List<ShipConflict> conflicts = new ArrayList<>();
        for (FileRow row : candidates) {
            ShippedFile before = shipped.get(row.path());
            if (before == null) {
                toShip.add(row);
            } else if (before.sha256().equals(row.sha256())) {
                alreadyShipped.add(row);
            } else {
                conflicts.add(new ShipConflict(before, row));
            }
        }
        return new Selection(channel, toShip, alreadyShipped, conflicts);
    }
}
