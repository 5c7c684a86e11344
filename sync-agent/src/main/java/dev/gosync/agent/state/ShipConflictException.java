package dev.gosync.agent.state;

import java.util.List;
import java.util.stream.Collectors;

/** An export would ship files again with other content than before; see {@link ShipConflict}. */
public class ShipConflictException extends StateException {
    /** The most conflicts the message lists; {@link #conflicts()} has them all. */
    private static final int SHOWN = 10;

    private final List<ShipConflict> conflicts;

    public ShipConflictException(String channel, List<ShipConflict> conflicts) {
        super(Problem.CONFLICT, message(channel, conflicts), "a module version must never change once published: "
                + "find out why the source now serves other bytes (a moved tag, a misbehaving proxy) and export "
                + "again once it serves the original ones, or start a new channel");
        this.conflicts = List.copyOf(conflicts);
    }

    public List<ShipConflict> conflicts() {
        return conflicts;
    }

    private static String message(String channel, List<ShipConflict> conflicts) {
        String listed = conflicts.stream().limit(SHOWN).map(ShipConflict::describe)
                .collect(Collectors.joining("\n  ", "\n  ", ""));
        String more = conflicts.size() > SHOWN ? "\n  ... and " + (conflicts.size() - SHOWN) + " more" : "";
        return conflicts.size() + " file(s) already shipped on channel " + channel + " changed content:" + listed
                + more;
    }
}
