package dev.gosync.agent.gitremote;

import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Keeps JGit from reading the user's and the system's git configuration on its own. JGit finds
 * the system file by running {@code git}, which gosync never does; and the one part of the user's
 * configuration direct mode honours, {@code url.<base>.insteadOf}, is applied by gosync itself
 * from the files git would read ({@link dev.gosync.agent.gitconfig.GitConfigFiles}), so that a
 * rewrite is never applied twice. Installing is process-wide and idempotent.
 *
 * <p>JGit also measures each file system's timestamp resolution once and keeps the result in its
 * own configuration file; with that file gone, it would measure again in every run, which takes
 * seconds. The measurement runs in the background instead, and JGit meanwhile assumes a coarse
 * resolution: safe for mirrors, which gosync only writes by fetching.
 */
public final class IsolatedJGit {
    private static boolean installed;

    private IsolatedJGit() {
    }

    public static synchronized void install() {
        if (installed) {
            return;
        }
        SystemReader.setInstance(new SystemReader.Delegate(SystemReader.getInstance()) {
            @Override
            public FileBasedConfig openSystemConfig(Config parent, FS fs) {
                return empty(parent, fs);
            }

            @Override
            public FileBasedConfig openUserConfig(Config parent, FS fs) {
                return empty(parent, fs);
            }

            @Override
            public FileBasedConfig openJGitConfig(Config parent, FS fs) {
                return empty(parent, fs);
            }
        });
        FS.FileStoreAttributes.setBackground(true);
        installed = true;
    }

    private static FileBasedConfig empty(Config parent, FS fs) {
        return new FileBasedConfig(parent, null, fs) {
            @Override
            public void load() {
                // Nothing to read: this configuration is empty by design.
            }

            @Override
            public boolean isOutdated() {
                return false;
            }

            @Override
            public void save() {
                // Nowhere to keep it: JGit's own settings are not persisted by gosync.
            }
        };
    }
}
