package dev.gosync.gomod.modfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing against x/mod itself (the oracle's {@code modfile.Fmt} op): corpus files
 * damaged at random must get the same verdict, the same error messages and the same bytes from
 * our parsers as from {@code Parse}, {@code ParseLax} and {@code ParseWork}, both printed as
 * parsed ({@code Format}) and after the {@code -fmt} clean-up ({@code SortBlocks},
 * {@code Cleanup}). Seeded, so a failure repeats.
 */
class XmodFuzzTest {
    private static final long SEED = 0x60d_f00dL;
    private static final int INPUTS = 2500;

    /**
     * One way to parse and print: x/mod's parse function and whether the clean-up runs (not for
     * lax parsing, which the go command never formats, see {@link ModFile#format()}).
     */
    private enum Mode {
        MOD_PLAIN("mod", false), MOD_EDIT("mod", true), LAX_PLAIN("lax", false),
        WORK_PLAIN("work", false), WORK_EDIT("work", true);

        final String kind;
        final boolean edit;

        Mode(String kind, boolean edit) {
            this.kind = kind;
            this.edit = edit;
        }
    }

    @Test
    void mutatedFilesParseAndPrintAsInXmod() {
        List<Corpus.Case> mods = Corpus.load("mod");
        List<Corpus.Case> works = Corpus.load("work");
        Random random = new Random(SEED);
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < INPUTS; i++) {
            boolean work = random.nextInt(4) == 0;
            List<Corpus.Case> pool = work ? works : mods;
            byte[] base = pool.get(random.nextInt(pool.size())).content();
            byte[] input = Mutator.mutate(base, random, 1 + random.nextInt(3));
            for (Mode mode : Mode.values()) {
                if (mode.kind.equals("work") != work) {
                    continue;
                }
                String expected = XmodFmt.xmod(mode.kind, input, mode.edit);
                String actual = XmodFmt.ours(mode.kind, input, mode.edit);
                compared++;
                if (!expected.equals(actual)) {
                    mismatches.add(mode + " on " + Corpus.show(input) + "\nx/mod: " + expected + "\nours:  " + actual);
                }
            }
        }
        assertEquals(List.of(), mismatches.subList(0, Math.min(3, mismatches.size())),
                mismatches.size() + " of " + compared + " comparisons differ");
    }
}
