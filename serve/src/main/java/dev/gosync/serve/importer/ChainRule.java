package dev.gosync.serve.importer;

import dev.gosync.bundle.manifest.Manifest;
import dev.gosync.serve.mirror.ChainHead;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where a bundle may go in its channel's chain, as the mirror knows the chain from one signer.
 *
 * <p>Each (channel, signer) pair has a head: the newest bundle imported in order. A bundle is
 * accepted and becomes the head when
 * <ul>
 *   <li>the channel has no head yet, and the bundle has no parent or its parent is imported;</li>
 *   <li>its parent is the head and its sequence is the head's plus one (the incremental case);</li>
 *   <li>it has no parent (a full bundle, always sequence 1, or a restarted channel) and was not
 *       created before the head: a full bundle is self-contained and supersedes what came before
 *       (the same creation time counts, since reproducible exports may share one);</li>
 *   <li>its sequence is above the head's, its parent is imported but not the head (a chain that
 *       was restarted by a full bundle goes on), and it was not created before the head.</li>
 * </ul>
 * A bundle whose parent is not imported and whose sequence is above the head's is refused as
 * having a missing parent, naming the parent. Every other bundle is older than the head or forks
 * from an older point: a replay or rollback, refused. {@code --allow-missing-parent} accepts a
 * bundle with a missing parent (it becomes the head); {@code --allow-rollback} accepts an older
 * bundle without moving the head. Re-offering an imported bundle is not a chain question: the
 * importer answers it before asking.
 */
final class ChainRule {
    static final String ROLLBACK_FLAG = "--allow-rollback";
    static final String MISSING_PARENT_FLAG = "--allow-missing-parent";

    /**
     * The rule's answer for an accepted bundle.
     *
     * @param advances whether the bundle becomes its channel's head
     * @param override the flag and reason when a rule was overridden, else null
     */
    record Decision(boolean advances, String override) {
    }

    private ChainRule() {
    }

    /**
     * @param imported whether a bundle id is imported into the mirror
     * @throws ImportException {@code MISSING_PARENT}, {@code ROLLBACK} or {@code BROKEN_CHAIN}
     */
    static Decision decide(Manifest m, String signer, Optional<ChainHead> head, Predicate<String> imported,
            boolean allowRollback, boolean allowMissingParent) {
        String what = "bundle " + m.id() + " (channel " + m.channel() + " #" + m.sequence() + ", signer " + signer + ")";
        boolean parentImported = m.parent() != null && imported.test(m.parent());
        if (head.isEmpty()) {
            if (m.parent() == null || parentImported) {
                return new Decision(true, null);
            }
            return missingParent(m, what, allowMissingParent);
        }
        ChainHead h = head.get();
        String headText = "the channel's newest bundle from this signer is " + h.bundleId() + " (#" + h.sequence()
                + ", created " + h.created() + ")";
        if (m.parent() != null && m.parent().equals(h.bundleId())) {
            if (m.sequence() != h.sequence() + 1) {
                throw new ImportException(ImportException.Problem.BROKEN_CHAIN, what + " follows " + h.bundleId()
                        + ", which is #" + h.sequence() + ", so it should be #" + (h.sequence() + 1),
                        "nothing was imported; the bundle's chain is inconsistent: export it again");
            }
            return new Decision(true, null);
        }
        boolean newer = !m.created().isBefore(h.created());
        if (m.parent() == null && newer) {
            return new Decision(true, null);
        }
        if (m.parent() != null && m.sequence() > h.sequence()) {
            if (!parentImported) {
                return missingParent(m, what, allowMissingParent);
            }
            if (newer) {
                return new Decision(true, null);
            }
        }
        String refusal = what + " is not newer than what the mirror holds: " + headText
                + "; importing it would replay or roll back the channel";
        if (!allowRollback) {
            throw new ImportException(ImportException.Problem.ROLLBACK, refusal, "nothing was imported; import the "
                    + "channel's newer bundles instead (to import this older bundle anyway, which is logged and does "
                    + "not move the channel back, pass " + ROLLBACK_FLAG + ")");
        }
        return new Decision(false, ROLLBACK_FLAG + ": accepted although " + refusal);
    }

    private static Decision missingParent(Manifest m, String what, boolean allow) {
        String refusal = what + " follows bundle " + m.parent() + " (#" + (m.sequence() - 1) + "), which this mirror "
                + "has not imported";
        if (!allow) {
            throw new ImportException(ImportException.Problem.MISSING_PARENT, refusal, "import bundle " + m.parent()
                    + " first (to import this one anyway, which is logged, pass " + MISSING_PARENT_FLAG + ")");
        }
        return new Decision(true, MISSING_PARENT_FLAG + ": accepted although " + refusal);
    }
}
