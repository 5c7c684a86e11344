package dev.gosync.agent.state;

import dev.gosync.bundle.manifest.FileRow;
import java.util.List;

/**
 * The files an incremental export considered, sorted into three groups.
 *
 * @param channel the channel the files were sorted for
 * @param toShip files the channel has not carried yet: the next bundle's content
 * @param alreadyShipped files the channel carried before with the same content, left out
 * @param conflicts files the channel carried before with other content
 */
public record Selection(String channel, List<FileRow> toShip, List<FileRow> alreadyShipped,
        List<ShipConflict> conflicts) {

    public Selection {
        toShip = List.copyOf(toShip);
        alreadyShipped = List.copyOf(alreadyShipped);
        conflicts = List.copyOf(conflicts);
    }

    /** Returns this selection, or throws when a file changed content since it was shipped. */
    public Selection requireNoConflicts() {
        if (!conflicts.isEmpty()) {
            throw new ShipConflictException(channel, conflicts);
        }
        return this;
    }
}
