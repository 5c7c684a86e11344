package dev.gosync.agent.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the download cache remembers of each zip it has checked: size, SHA-256 and h1, written
 * once the zip passed the module zip rules and its h1 was computed. On a later cache hit the zip
 * is trusted when its SHA-256 (cheap: one read, no inflating) still equals the record's; the
 * expensive h1, which means inflating and hashing every file in the zip, is taken from the record.
 * The h1 is still compared with go.sum on every hit.
 *
 * <p>The trade-off: a zip changed on disk, even with its size and time kept, is caught (its
 * SHA-256 differs, so it is checked in full again). Someone able to rewrite a zip <em>and</em>
 * its record consistently is not, in the same way as the go command trusts the {@code .ziphash}
 * files of its module cache; {@code go mod verify} and the import side's checks re-hash
 * everything.
 *
 * <p>Records live under {@code .checked/} in the cache directory (a name no module path can start
 * with) and are only a shortcut: a missing, damaged or stale record means a full check, after
 * which it is written again. So they are written without syncing.
 */
final class CheckRecords {
    private static final String DIR = ".checked";
    private static final String FORMAT = "gosync-check 1";
    private static final Pattern LINE = Pattern.compile("([0-9]{1,19}) ([0-9a-f]{64}) (h1:[A-Za-z0-9+/]{43}=)");

    /** A zip that passed its checks. */
    record Record(long size, String sha256, String h1) {
    }

    private final Path dir;

    CheckRecords(Path cacheRoot) {
        this.dir = cacheRoot.resolve(DIR);
    }

    /** The record of the file at relativePath (GOPROXY layout), if one exists and is well formed. */
    Optional<Record> read(String relativePath) {
        String text;
        try {
            text = Files.readString(dir.resolve(relativePath), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        String[] lines = text.split("\n", -1);
        if (lines.length != 3 || !lines[0].equals(FORMAT) || !lines[2].isEmpty()) {
            return Optional.empty();
        }
        Matcher m = LINE.matcher(lines[1]);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Record(Long.parseLong(m.group(1)), m.group(2), m.group(3)));
    }

    /** Records a checked zip; a failure only means the next hit checks it in full. */
    void write(String relativePath, Record record) {
        Path target = dir.resolve(relativePath);
        Path temp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        String text = FORMAT + "\n" + record.size() + " " + record.sha256() + " " + record.h1() + "\n";
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // A stray temporary file costs nothing; records are read by exact name.
            }
        }
    }
}
