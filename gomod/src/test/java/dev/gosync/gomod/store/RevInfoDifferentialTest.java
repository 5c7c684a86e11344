package dev.gosync.gomod.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gosync.fixtures.GoOracle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing against Go's encoding/json and time packages (the oracle's
 * {@code modfetch.RevInfo} op, which decodes and re-encodes a {@code .info} with the go command's
 * types and clean-up): for random documents, RevInfo must reject exactly what Go rejects and
 * write exactly the bytes the go command caches. Seeded, so a failure repeats.
 */
class RevInfoDifferentialTest {
    private static final long SEED = 0x1f0_cafeL;
    private static final int INPUTS = 3000;
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void acceptsAndWritesExactlyAsTheGoCommand() {
        GoOracle oracle = GoOracle.get();
        Random random = new Random(SEED);
        List<String> mismatches = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = InfoDocuments.next(random);
            JsonNode reply = oracle.ask("modfetch.RevInfo", HEX.formatHex(input));
            String expected = reply.hasNonNull("error") ? null : new String(HEX.parseHex(reply.get("result").asText()),
                    StandardCharsets.UTF_8);
            String actual;
            try {
                actual = new String(RevInfo.parse(input).toJson(), StandardCharsets.UTF_8);
                accepted++;
            } catch (InvalidInfoException e) {
                actual = null;
            }
            if (expected == null ? actual != null : !expected.equals(actual)) {
                mismatches.add(new String(input, StandardCharsets.UTF_8) + "\n    go:   "
                        + (expected == null ? "error " + reply.get("error").asText() : expected) + "\n    ours: " + actual);
            }
        }
        assertEquals(List.of(), mismatches.subList(0, Math.min(10, mismatches.size())), mismatches.size() + " mismatches");
        // Both verdicts must be well represented, or the comparison proves little.
        assertTrue(accepted > INPUTS / 5 && accepted < INPUTS * 4 / 5, accepted + " of " + INPUTS + " accepted");
    }
}
