package dev.gosync.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.gomod.gosum.GoSum;
import dev.gosync.gomod.module.LayoutPath;
import dev.gosync.gomod.module.ProxyLayout;

/** A bundle measured against the go.sum of the project it was exported for. */
final class GoSumRows {
    private GoSumRows() {
    }

    /** Every go.sum line has its .zip or .mod row in the manifest, with the same h1 hash. */
    static void assertEveryLineHasItsRow(GoSum goSum, Manifest manifest) {
        int checked = 0;
        for (FileRow row : manifest.files()) {
            LayoutPath file = ProxyLayout.parse(row.path());
            if (file.kind() == LayoutPath.Kind.ZIP && goSum.zipHash(file.module()).isPresent()) {
                assertEquals(goSum.zipHash(file.module()).get(), row.h1(), row.path());
                checked++;
            } else if (file.kind() == LayoutPath.Kind.MOD && goSum.goModHash(file.module()).isPresent()) {
                assertEquals(goSum.goModHash(file.module()).get(), row.h1(), row.path());
                checked++;
            }
        }
        assertEquals(goSum.lines().size(), checked, "every go.sum line has its file in the bundle");
    }
}
