package dev.gosync.agent.export;

import dev.gosync.agent.state.ExportState;
import dev.gosync.agent.state.IncrementalPlan;
import dev.gosync.agent.state.SinceBundle;
import dev.gosync.bundle.manifest.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@link ChannelMode} made concrete for one export: where the bundle goes in its channel and
 * what the channel carried, and, for a state file, the recording of the bundle once written.
 */
final class BundleChain implements AutoCloseable {
    private final IncrementalPlan plan;
    private final ExportState state;

    private BundleChain(IncrementalPlan plan, ExportState state) {
        this.plan = plan;
        this.state = state;
    }

    /**
     * Reads what the mode needs: the state file, or the previous bundle's manifest. A dry run
     * creates no state file: with none yet, the channel is taken to be new.
     *
     * @throws dev.gosync.agent.state.StateException when the state file cannot be used
     * @throws dev.gosync.gomod.GosyncException when the previous bundle cannot be read
     */
    static BundleChain open(ChannelMode mode, boolean dryRun) {
        if (mode instanceof ChannelMode.Full full) {
            return new BundleChain(IncrementalPlan.first(full.channel()), null);
        }
        if (mode instanceof ChannelMode.Since since) {
            return new BundleChain(SinceBundle.plan(since.previous()), null);
        }
        ChannelMode.Incremental incremental = (ChannelMode.Incremental) mode;
        if (dryRun && !Files.exists(incremental.stateFile())) {
            return new BundleChain(IncrementalPlan.first(incremental.channel()), null);
        }
        ExportState state = ExportState.open(incremental.stateFile());
        try {
            return new BundleChain(state.plan(incremental.channel()), state);
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
    }

    IncrementalPlan plan() {
        return plan;
    }

    /** Records a written bundle in the state file, if the mode keeps one; a bundle read by --since needs no record. */
    void record(Manifest written, Path output) {
        if (state != null) {
            state.record(written, output);
        }
    }

    @Override
    public void close() {
        if (state != null) {
            state.close();
        }
    }
}
