package dev.gosync.agent.state;

import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ProxyLayout;
import dev.gosync.gomod.module.ProxyLayout.InvalidLayoutPathException;
import java.util.Objects;

/**
 * A file that was shipped on the channel before and is now about to be shipped with other
 * content. Module versions are immutable: the isolated side would hold two different files under
 * one name, and {@code go mod verify} on one of the two sides would fail. An export refuses it.
 *
 * @param shipped what went out before
 * @param now the same path with its new content
 */
public record ShipConflict(ShippedFile shipped, FileRow now) {
    public ShipConflict {
        Objects.requireNonNull(shipped, "shipped");
        Objects.requireNonNull(now, "now");
        if (!shipped.path().equals(now.path())) {
            throw new IllegalArgumentException("a conflict is about one path, got " + shipped.path() + " and "
                    + now.path());
        }
    }

    /**
     * One line for the user: the module and version (or the bare path when it is not a GOPROXY
     * layout path), the bundle that shipped it and both hashes.
     */
    public String describe() {
        return subject() + " was shipped in bundle " + shipped.bundleId() + " with sha256 " + shipped.sha256()
                + ", but now has sha256 " + now.sha256();
    }

    private String subject() {
        try {
            LayoutPath file = ProxyLayout.parse(now.path());
            return file.kind().perVersion()
                    ? file.path() + "@" + file.version() + " (" + file.kind().suffix() + ")"
                    : file.path() + " (" + now.path() + ")";
        } catch (InvalidLayoutPathException e) {
            return now.path();
        }
    }
}
