package dev.gosync.agent.checksum;

import dev.gosync.gomod.gosum.GoSum;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ModuleVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds module hashes to the go.sum files of the projects being exported, as the go command holds
 * a download to its main module's go.sum: a version go.sum lists must hash to what it records
 * (any of the recorded hashes, when a file lists several); a version go.sum does not list passes.
 */
public final class GoSumVerifier implements ChecksumVerifier {
    private record Record(Path file, GoSum sums) {
    }

    private final List<Record> records;

    private GoSumVerifier(List<Record> records) {
        this.records = List.copyOf(records);
    }

    /**
     * Reads every existing file of {@code files}; missing ones record nothing, as for the go command.
     *
     * @throws dev.gosync.gomod.gosum.GoSumException naming the file and line of a malformed go.sum
     */
    public static GoSumVerifier read(List<Path> files) {
        List<Record> records = new ArrayList<>();
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                records.add(new Record(file, GoSum.read(file)));
            }
        }
        return new GoSumVerifier(records);
    }

    /** The go.sum files read. */
    public List<Path> files() {
        return records.stream().map(Record::file).toList();
    }

    @Override
    public void verify(ModuleVersion module, LayoutPath.Kind kind, String h1, String origin) {
        for (Record record : records) {
            GoSum.Verdict verdict = kind == LayoutPath.Kind.ZIP
                    ? record.sums().checkZip(module, h1)
                    : record.sums().checkGoMod(module, h1);
            if (verdict == GoSum.Verdict.MISMATCH) {
                List<String> expected = kind == LayoutPath.Kind.ZIP
                        ? record.sums().zipHashes(module)
                        : record.sums().goModHashes(module);
                throw new ChecksumMismatchException(module, kind, String.join(" or ", expected), h1,
                        "go.sum " + record.file(), origin);
            }
        }
    }
}
