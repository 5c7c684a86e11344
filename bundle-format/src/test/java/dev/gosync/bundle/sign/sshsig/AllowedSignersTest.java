package dev.gosync.bundle.sign.sshsig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.bundle.sign.SignatureException;
import dev.gosync.bundle.sign.SignatureException.Reason;
import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.bundle.sign.sshkey.KeyPairs;
import dev.gosync.bundle.sign.sshkey.SshPublicKey;
import dev.gosync.bundle.sign.sshkey.WireWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AllowedSignersTest {
    private static final Ed25519KeyPair ALICE = KeyPairs.generate("alice");
    private static final Ed25519KeyPair BOB = KeyPairs.generate("bob");
    private static final String NS = "gosync-bundle";
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    private static String key(Ed25519KeyPair pair) {
        return pair.publicKey().toLine();
    }

    private static AllowedSigners parse(String text) {
        return AllowedSigners.parse(text, "allowed_signers", ZoneOffset.UTC);
    }

    private static AllowedSignersException parseError(String text) {
        return assertThrows(AllowedSignersException.class, () -> parse(text));
    }

    private static SignatureException refusal(AllowedSigners store, Ed25519KeyPair key) {
        return assertThrows(SignatureException.class, () -> store.authorize(key.publicKey(), NS, NOW));
    }

    @Test
    void readsPrincipalsOptionsAndKeysSkippingCommentsAndBlankLines() {
        AllowedSigners store = parse("# release signers\n\n"
                + "alice@example.com,release@example.com " + key(ALICE) + "\n"
                + "  \t# indented comment\r\n"
                + "\"bob@example.com\" NAMESPACES=\"gosync-bundle,git\",valid-after=\"20240101\" " + key(BOB) + "\r\n");
        assertEquals(2, store.signers().size());
        AllowedSigner alice = store.signers().get(0);
        assertEquals(List.of("alice@example.com", "release@example.com"), alice.principals());
        assertEquals(3, alice.line());
        assertNull(alice.namespaces());
        AllowedSigner bob = store.signers().get(1);
        assertEquals("gosync-bundle,git", bob.namespaces());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), bob.validAfter());
        assertTrue(bob.key().sameKey(BOB.publicKey()));
    }

    @Test
    void aTrustedKeyGetsAllPrincipalsOfItsLines() {
        AllowedSigners store = parse("alice " + key(ALICE) + "\nreleases,alice " + key(ALICE) + "\nbob " + key(BOB));
        assertEquals(List.of("alice", "releases"), store.authorize(ALICE.publicKey(), NS, NOW).principals());
        assertEquals(ALICE.publicKey().fingerprint(), store.authorize(ALICE.publicKey(), NS, NOW).fingerprint());
    }

    @Test
    void anUnknownKeyIsAnUnknownSignerWithTheLineToAdd() {
        SignatureException e = refusal(parse("bob " + key(BOB)), ALICE);
        assertEquals(Reason.UNKNOWN_SIGNER, e.reason());
        assertTrue(e.getMessage().contains(ALICE.publicKey().fingerprint()), e.getMessage());
        assertTrue(e.remedy().contains(key(ALICE).strip()), e.remedy());
    }

    @Test
    void namespaceRestrictionsApply() {
        assertEquals(List.of("a"), parse("a namespaces=\"gosync-*\" " + key(ALICE)).authorize(ALICE.publicKey(), NS,
                NOW).principals());
        SignatureException e = refusal(parse("a namespaces=\"git,file\" " + key(ALICE)), ALICE);
        assertEquals(Reason.SIGNER_NOT_ALLOWED, e.reason());
        assertTrue(e.getMessage().contains("only for namespaces \"git,file\""), e.getMessage());
        assertEquals(Reason.SIGNER_NOT_ALLOWED,
                refusal(parse("a namespaces=\"*,!gosync-bundle\" " + key(ALICE)), ALICE).reason());
    }

    @Test
    void validityTimesApplyInclusively() {
        assertEquals(Reason.SIGNER_NOT_ALLOWED, refusal(parse("a valid-after=\"20250601000001Z\" " + key(ALICE)),
                ALICE).reason());
        assertEquals(Reason.SIGNER_NOT_ALLOWED, refusal(parse("a valid-before=\"20250531235959Z\" " + key(ALICE)),
                ALICE).reason());
        assertEquals(List.of("a"), parse("a valid-after=\"20250601000000Z\" " + key(ALICE))
                .authorize(ALICE.publicKey(), NS, NOW).principals());
        assertEquals(List.of("a"), parse("a valid-before=\"20250601000000UTC\" " + key(ALICE))
                .authorize(ALICE.publicKey(), NS, NOW).principals());
    }

    @Test
    void timesWithoutZoneAreLocal() {
        AllowedSigners store = AllowedSigners.parse("a valid-after=\"202506010200\" " + key(ALICE), "f",
                ZoneId.of("Europe/Berlin"));
        assertEquals(Instant.parse("2025-06-01T00:00:00Z"), store.signers().get(0).validAfter());
    }

    @Test
    void aLaterLineCanAllowWhatAnEarlierOneRefuses() {
        AllowedSigners store = parse("old valid-before=\"20200101Z\" " + key(ALICE) + "\nnew " + key(ALICE));
        assertEquals(List.of("new"), store.authorize(ALICE.publicKey(), NS, NOW).principals());
    }

    @Test
    void certificateAuthoritiesAreReportedAndNeverAuthorize() {
        AllowedSigners store = parse("*@example.com cert-authority " + key(ALICE));
        assertEquals(1, store.ignored().size());
        assertTrue(store.ignored().get(0).contains("cert-authority line ignored"), store.ignored().get(0));
        SignatureException e = refusal(store, ALICE);
        assertEquals(Reason.UNKNOWN_SIGNER, e.reason());
        assertTrue(e.getMessage().contains("only as a cert-authority"), e.getMessage());
    }

    @Test
    void keysOfOtherTypesAreReadAndComparedButNeverMatchEd25519() {
        String wellFormedRsa = new SshPublicKey("ssh-rsa", new WireWriter()
                .string("ssh-rsa").string(new byte[] {1, 0, 1}).string(new byte[65]).toByteArray(), "").toLine();
        AllowedSigners store = parse("x " + wellFormedRsa + "\nalice " + key(ALICE));
        assertEquals(2, store.signers().size());
        assertEquals(List.of("alice"), store.authorize(ALICE.publicKey(), NS, NOW).principals());
    }

    @Test
    void malformedLinesAreErrorsWithTheirLineNumber() {
        String k = key(ALICE);
        assertTrue(parseError("ok " + k + "\nalice").getMessage().startsWith("allowed_signers:2: a key is missing"));
        assertTrue(parseError("a unknown=\"x\" " + k).getMessage().contains("unknown option"));
        assertTrue(parseError("a namespaces=git " + k).getMessage().contains("double quotes"));
        assertTrue(parseError("a namespaces=\"x\",namespaces=\"y\" " + k).getMessage().contains("more than one"));
        assertTrue(parseError("a valid-after=\"2025\" " + k).getMessage().contains("not a time"));
        assertTrue(parseError("a valid-after=\"20251301\" " + k).getMessage().contains("not a time"));
        assertTrue(parseError("a valid-after=\"20250102\",valid-before=\"20250101\" " + k).getMessage()
                .contains("not later than"));
        assertTrue(parseError("a namespaces=\"x " + k).getMessage().contains("no closing quote"));
        assertTrue(parseError("\"a " + k).getMessage().contains("no closing quote"));
        assertTrue(parseError("a,,b " + k).getMessage().contains("empty entry"));
        assertTrue(parseError("a namespaces=\"x\", " + k).getMessage().contains("end with a comma"));
        assertTrue(parseError("a cert-authorityX " + k).getMessage().contains("unknown option"));
        assertTrue(parseError("a namespaces=\"x\" ssh-ed25519 AAAA").getMessage().contains("allowed_signers:1"));
    }

    @Test
    void patternListsFollowOpenSsh() {
        assertTrue(SignerPatterns.listMatches("gosync-bundle", "git,gosync-*"));
        assertTrue(SignerPatterns.listMatches("gosync-bundle", "gosync-b?ndle"));
        assertFalse(SignerPatterns.listMatches("gosync-bundle", "*,!gosync-*"));
        assertFalse(SignerPatterns.listMatches("gosync-bundle", "Gosync-bundle"));
        assertFalse(SignerPatterns.listMatches("gosync-bundle", "!git"));
        assertTrue(SignerPatterns.matches("", "*"));
        assertTrue(SignerPatterns.matches("abcabc", "*abc"));
        assertFalse(SignerPatterns.matches("ab", "a?b"));
        assertTrue(SignerPatterns.matches("a" + "b".repeat(1000), "a*b*b*b*b"));
    }

    @Property(tries = 1000)
    void arbitraryTextFailsCleanly(@ForAll String text) {
        try {
            parse(text);
        } catch (AllowedSignersException e) {
            assertTrue(e.getMessage().startsWith("allowed_signers:"), e.getMessage());
        }
    }

    @Property(tries = 1000)
    void arbitraryLinesAroundARealKeyFailCleanly(@ForAll String principals, @ForAll String options) {
        try {
            parse(principals + " " + options + " " + key(ALICE));
        } catch (AllowedSignersException e) {
            assertTrue(e.getMessage().startsWith("allowed_signers:"), e.getMessage());
        }
    }
}
