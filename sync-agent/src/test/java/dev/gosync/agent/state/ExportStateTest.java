package dev.gosync.agent.state;

import static dev.gosync.agent.state.TestManifests.next;
import static dev.gosync.agent.state.TestManifests.row;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.agent.state.StateException.Problem;
import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportStateTest {
    private static final FileRow MOD_INFO = row("example.com/mod/@v/v1.0.0.info", "{\"Version\":\"v1.0.0\"}");
    private static final FileRow MOD_MOD = row("example.com/mod/@v/v1.0.0.mod", "module example.com/mod\n");
    private static final FileRow MOD_ZIP = row("example.com/mod/@v/v1.0.0.zip", "zip bytes 1.0.0");
    private static final FileRow NEXT_ZIP = row("example.com/mod/@v/v1.1.0.zip", "zip bytes 1.1.0");

    @TempDir
    Path tmp;

    @Test
    void firstBundleOfAChannelHasNoParentAndSequenceOne() {
        try (ExportState state = ExportState.open(tmp.resolve("state.db"))) {
            IncrementalPlan plan = state.plan("stable");

            assertAll(
                    () -> assertEquals("stable", plan.channel()),
                    () -> assertNull(plan.parent()),
                    () -> assertEquals(1, plan.sequence()),
                    () -> assertTrue(plan.shipped().isEmpty()));
        }
    }

    @Test
    void chainOfThreeBundlesLinksEachToItsParentWithTheNextSequence() {
        Path file = tmp.resolve("state.db");
        List<Manifest> written = new ArrayList<>();
        List<FileRow> contents = List.of(MOD_INFO, MOD_ZIP, NEXT_ZIP);
        for (FileRow content : contents) {
            // A new process each time: what one export records, the next one reads from the file.
            try (ExportState state = ExportState.open(file)) {
                Manifest manifest = next(state.plan("stable"), List.of(content));
                state.record(manifest, tmp.resolve("bundle-" + manifest.sequence() + ".tar.zst"));
                written.add(manifest);
            }
        }

        try (ExportState state = ExportState.open(file)) {
            assertAll(
                    () -> assertNull(written.get(0).parent()),
                    () -> assertEquals(1, written.get(0).sequence()),
                    () -> assertEquals(written.get(0).id(), written.get(1).parent()),
                    () -> assertEquals(2, written.get(1).sequence()),
                    () -> assertEquals(written.get(1).id(), written.get(2).parent()),
                    () -> assertEquals(3, written.get(2).sequence()),
                    () -> assertEquals(written.get(2).id(), state.plan("stable").parent()),
                    () -> assertEquals(4, state.plan("stable").sequence()));
        }
    }

    @Test
    void historyListsWhatWasRecordedForEachBundle() {
        try (ExportState state = ExportState.open(tmp.resolve("state.db"))) {
            Manifest manifest = next(state.plan("stable"), List.of(MOD_INFO, MOD_ZIP));
            Path output = tmp.resolve("out/first.tar.zst");
            state.record(manifest, output);

            RecordedBundle recorded = state.history("stable").get(0);
            assertAll(
                    () -> assertEquals(1, state.history("stable").size()),
                    () -> assertEquals(manifest.id(), recorded.id()),
                    () -> assertEquals(1, recorded.sequence()),
                    () -> assertNull(recorded.parent()),
                    () -> assertEquals(TestManifests.CREATED, recorded.created()),
                    () -> assertEquals(2, recorded.fileCount()),
                    () -> assertEquals(MOD_INFO.size() + MOD_ZIP.size(), recorded.bytes()),
                    () -> assertEquals(output, recorded.output()));
        }
    }

    @Test
    void filesShippedInOneBundleAreLeftOutOfTheNext() {
        try (ExportState state = ExportState.open(tmp.resolve("state.db"))) {
            state.record(next(state.plan("stable"), List.of(MOD_INFO, MOD_MOD, MOD_ZIP)), tmp.resolve("b1"));

            Selection selection = state.plan("stable").select(List.of(MOD_INFO, MOD_MOD, MOD_ZIP, NEXT_ZIP));

            assertAll(
                    () -> assertEquals(List.of(NEXT_ZIP), selection.toShip()),
                    () -> assertEquals(List.of(MOD_INFO, MOD_MOD, MOD_ZIP), selection.alreadyShipped()),
                    () -> assertTrue(selection.conflicts().isEmpty()));
        }
    }

    @Test
    void shippedFilesRememberTheBundleThatCarriedThem() {
        try (ExportState state = ExportState.open(tmp.resolve("state.db"))) {
            Manifest first = next(state.plan("stable"), List.of(MOD_ZIP));
            state.record(first, tmp.resolve("b1"));
            // A full export carries the zip again; it still counts as shipped by the first bundle.
            state.record(next(state.plan("stable"), List.of(MOD_ZIP, NEXT_ZIP)), tmp.resolve("b2"));

            ShippedFile zip = state.plan("stable").shipped().get(MOD_ZIP.path());
            assertEquals(new ShippedFile(MOD_ZIP.path(), MOD_ZIP.sha256(), MOD_ZIP.size(), first.id()), zip);
        }
    }

    @Test
    void shippedAnswersForPathAndContentOnOneChannel() {
        try (ExportState state = ExportState.open(tmp.resolve("state.db"))) {
            state.record(next(state.plan("stable"), List.of(MOD_ZIP)), tmp.resolve("b1"));

            assertAll(
                    () -> assertTrue(state.shipped("stable", MOD_ZIP.path(), MOD_ZIP.sha256())),
                    () -> assertFalse(state.shipped("stable", MOD_ZIP.path(), NEXT_ZIP.sha256())),
                    () -> assertFalse(state.shipped("stable", NEXT_ZIP.path(), NEXT_ZIP.sha256())),
                    () -> assertFalse(state.shipped("testing", MOD_ZIP.path(), MOD_ZIP.sha256())));
        }
    }

    @Test
    void channelsKeepSeparateChainsAndFiles() {
        try (ExportState state = ExportState.open(tmp.resolve("state.db"))) {
            state.record(next(state.plan("stable"), List.of(MOD_ZIP)), tmp.resolve("b1"));

            IncrementalPlan other = state.plan("testing");

            assertAll(
                    () -> assertNull(other.parent()),
                    () -> assertEquals(1, other.sequence()),
                    () -> assertEquals(List.of(MOD_ZIP), other.select(List.of(MOD_ZIP)).toShip()));
        }
    }

    @Test
    void fileShippedBeforeWithOtherContentIsAConflict() {
        FileRow changed = row(MOD_ZIP.path(), "zip bytes 1.0.0, retagged");
        try (ExportState state = ExportState.open(tmp.resolve("state.db"))) {
            Manifest first = next(state.plan("stable"), List.of(MOD_ZIP));
            state.record(first, tmp.resolve("b1"));

            Selection selection = state.plan("stable").select(List.of(changed, NEXT_ZIP));

            ShipConflict conflict = selection.conflicts().get(0);
            assertAll(
                    () -> assertEquals(1, selection.conflicts().size()),
                    () -> assertEquals(List.of(NEXT_ZIP), selection.toShip()),
                    () -> assertEquals(MOD_ZIP.sha256(), conflict.shipped().sha256()),
                    () -> assertEquals(first.id(), conflict.shipped().bundleId()),
                    () -> assertEquals(changed, conflict.now()),
                    () -> assertEquals("example.com/mod@v1.0.0 (.zip) was shipped in bundle " + first.id()
                            + " with sha256 " + MOD_ZIP.sha256() + ", but now has sha256 " + changed.sha256(),
                            conflict.describe()));
        }
    }

    @Test
    void conflictsMakeTheSelectionRefuseTheExport() {
        FileRow changed = row(MOD_ZIP.path(), "other bytes");
        try (ExportState state = ExportState.open(tmp.resolve("state.db"))) {
            state.record(next(state.plan("stable"), List.of(MOD_ZIP)), tmp.resolve("b1"));
            Selection selection = state.plan("stable").select(List.of(changed));

            ShipConflictException e = assertThrows(ShipConflictException.class, selection::requireNoConflicts);

            assertAll(
                    () -> assertEquals(Problem.CONFLICT, e.problem()),
                    () -> assertEquals(selection.conflicts(), e.conflicts()),
                    () -> assertTrue(e.getMessage().contains("channel stable"), e.getMessage()),
                    () -> assertTrue(e.getMessage().contains(changed.sha256()), e.getMessage()),
                    () -> assertTrue(e.remedy().contains("never change"), e.remedy()));
        }
    }

    @Test
    void recordRefusesABundleThatChangesAShippedFileAndRecordsNothing() {
        FileRow changed = row(MOD_ZIP.path(), "other bytes");
        try (ExportState state = ExportState.open(tmp.resolve("state.db"))) {
            state.record(next(state.plan("stable"), List.of(MOD_ZIP)), tmp.resolve("b1"));
            IncrementalPlan before = state.plan("stable");

            assertThrows(ShipConflictException.class,
                    () -> state.record(next(before, List.of(changed, NEXT_ZIP)), tmp.resolve("b2")));

            assertAll(
                    () -> assertEquals(before, state.plan("stable")),
                    () -> assertEquals(1, state.history("stable").size()));
        }
    }

    @Test
    void crashBetweenWritingAndRecordingLeavesTheStateAsItWas() throws Exception {
        Path file = tmp.resolve("state.db");
        IncrementalPlan planned;
        try (ExportState state = ExportState.open(file)) {
            state.record(next(state.plan("stable"), List.of(MOD_ZIP)), tmp.resolve("b1"));
            planned = state.plan("stable");
            Manifest unrecorded = next(planned, List.of(NEXT_ZIP));
            Files.writeString(tmp.resolve("b2"), "the written bundle " + unrecorded.id());
            // The export dies here, before record().
        }

        try (ExportState state = ExportState.open(file)) {
            IncrementalPlan after = state.plan("stable");
            assertAll(
                    () -> assertEquals(planned, after),
                    () -> assertEquals(List.of(NEXT_ZIP), after.select(List.of(NEXT_ZIP)).toShip()));
        }
    }

    @Test
    void recordRefusesABundlePlannedBeforeAnotherWasRecorded() {
        try (ExportState state = ExportState.open(tmp.resolve("state.db"))) {
            IncrementalPlan plan = state.plan("stable");
            Manifest winner = next(plan, List.of(MOD_ZIP));
            Manifest loser = next(plan, List.of(NEXT_ZIP));
            state.record(winner, tmp.resolve("winner"));

            StateException e = assertThrows(StateException.class, () -> state.record(loser, tmp.resolve("loser")));

            assertAll(
                    () -> assertEquals(Problem.STALE_PLAN, e.problem()),
                    () -> assertTrue(e.getMessage().contains(loser.id()) && e.getMessage().contains(winner.id()),
                            e.getMessage()),
                    () -> assertTrue(e.remedy().contains(tmp.resolve("loser").toString()), e.remedy()),
                    () -> assertEquals(Set.of(MOD_ZIP.path()), state.plan("stable").shipped().keySet()));
        }
    }

    @Test
    void recordRefusesTheSameBundleTwice() {
        try (ExportState state = ExportState.open(tmp.resolve("state.db"))) {
            Manifest manifest = next(state.plan("stable"), List.of(MOD_ZIP));
            state.record(manifest, tmp.resolve("b1"));

            StateException e = assertThrows(StateException.class, () -> state.record(manifest, tmp.resolve("b1")));

            assertAll(
                    () -> assertEquals(Problem.STALE_PLAN, e.problem()),
                    () -> assertTrue(e.getMessage().contains("already recorded"), e.getMessage()),
                    () -> assertEquals(1, state.history("stable").size()));
        }
    }

    @Test
    void channelNewToTheStateContinuesAChainBegunElsewhere() {
        try (ExportState state = ExportState.open(tmp.resolve("state.db"))) {
            IncrementalPlan since = new IncrementalPlan("stable", "0123456789abcdef0123456789abcdef", 5,
                    Map.of());
            Manifest continued = next(since, List.of(MOD_ZIP));

            state.record(continued, tmp.resolve("b5"));

            assertAll(
                    () -> assertEquals(continued.id(), state.plan("stable").parent()),
                    () -> assertEquals(6, state.plan("stable").sequence()));
        }
    }
}
