package dev.gosync.agent.export;

import java.nio.file.Path;
import java.util.Objects;

/** Where a bundle sits in its channel, and so which files it carries. */
public sealed interface ChannelMode {
    /** The channel of a bundle that does not follow another. */
    String DEFAULT_CHANNEL = "default";

    /**
     * A self-contained bundle: every file, sequence 1, no parent. No state is read or written.
     *
     * @param channel the channel named in the manifest
     */
    record Full(String channel) implements ChannelMode {
        public Full {
            Objects.requireNonNull(channel, "channel");
        }
    }

    /**
     * The next bundle of a channel recorded in a state file: only files the channel has not
     * shipped, parent and sequence from the state, which records the bundle once it is written.
     * The first incremental export of a channel carries everything.
     *
     * @param channel   the channel
     * @param stateFile the SQLite state file
     */
    record Incremental(String channel, Path stateFile) implements ChannelMode {
        public Incremental {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(stateFile, "stateFile");
        }
    }

    /**
     * The bundle that follows a previous bundle, without any state: its channel, its id as parent,
     * its sequence plus one, and only files it did not carry.
     *
     * @param previous the previous bundle (file, or a split bundle's base name, part or index)
     */
    record Since(Path previous) implements ChannelMode {
        public Since {
            Objects.requireNonNull(previous, "previous");
        }
    }
}
