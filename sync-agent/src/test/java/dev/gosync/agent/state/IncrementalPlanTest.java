package dev.gosync.agent.state;

import static dev.gosync.agent.state.TestManifests.row;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.manifest.FileRow;
import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.gomod.GosyncException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncrementalPlanTest {
    private static final String PARENT = "0123456789abcdef0123456789abcdef";
    private static final FileRow A = row("a.example/m/@v/v1.0.0.zip", "a");
    private static final FileRow B = row("b.example/m/@v/v1.0.0.zip", "b");
    private static final FileRow C = row("c.example/m/@v/v1.0.0.zip", "c");

    @Test
    void selectionKeepsTheCandidatesOrderWithinEachGroup() {
        IncrementalPlan plan = new IncrementalPlan("stable", PARENT, 2, Map.of(
                B.path(), new ShippedFile(B.path(), B.sha256(), B.size(), PARENT)));

        Selection selection = plan.select(List.of(C, B, A));

        assertAll(
                () -> assertEquals(List.of(C, A), selection.toShip()),
                () -> assertEquals(List.of(B), selection.alreadyShipped()),
                () -> assertTrue(selection.conflicts().isEmpty()),
                () -> assertEquals("stable", selection.channel()));
    }

    @Test
    void selectionWithoutConflictsPassesTheCheck() {
        Selection selection = IncrementalPlan.first("stable").select(List.of(A));

        assertEquals(selection, selection.requireNoConflicts());
    }

    @Test
    void planSetsChannelParentAndSequenceOfTheNextManifest() {
        IncrementalPlan plan = new IncrementalPlan("stable", PARENT, 2, Map.of());

        Manifest manifest = plan.applyTo(Manifest.builder()).created(TestManifests.CREATED).tool("t")
                .files(List.of(A)).build();

        assertAll(
                () -> assertEquals("stable", manifest.channel()),
                () -> assertEquals(PARENT, manifest.parent()),
                () -> assertEquals(2, manifest.sequence()));
    }

    @Test
    void firstPlanHasNoParentAndNothingShipped() {
        IncrementalPlan first = IncrementalPlan.first("stable");

        assertAll(
                () -> assertNull(first.parent()),
                () -> assertEquals(1, first.sequence()),
                () -> assertTrue(first.shipped().isEmpty()));
    }

    @Test
    void planWithoutParentAfterTheFirstSequenceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new IncrementalPlan("stable", null, 3, Map.of()));
    }

    @Test
    void planAfterABundleTakesTheNextSequence() {
        IncrementalPlan plan = IncrementalPlan.after("stable", PARENT, 41, Map.of());

        assertAll(
                () -> assertEquals(PARENT, plan.parent()),
                () -> assertEquals(42, plan.sequence()));
    }

    @Test
    void bundleWithTheLastSequenceNumberCannotBeFollowed() {
        GosyncException e = assertThrows(GosyncException.class,
                () -> IncrementalPlan.after("stable", PARENT, Long.MAX_VALUE, Map.of()));

        assertTrue(e.getMessage().contains(PARENT), e.getMessage());
    }

    @Test
    void conflictOutsideTheProxyLayoutIsDescribedByItsPath() {
        FileRow odd = row("not-a-layout-path", "new");
        ShipConflict conflict = new ShipConflict(new ShippedFile(odd.path(), B.sha256(), 1, PARENT), odd);

        assertTrue(conflict.describe().startsWith("not-a-layout-path was shipped in bundle " + PARENT),
                conflict.describe());
    }
}
