package dev.gosync.gomod.semver;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators and a curated corpus of version strings that probe the corners of the syntax. */
public final class VersionStrings {
    /** Hand-picked versions: every syntax rule, on both sides of its boundary. */
    public static final List<String> CORPUS = List.of(
            "", "v", "V1.0.0", "1.0.0", "v1", "v1.2", "v1.2.3", "v0.0.0", "v01", "v1.02", "v1.2.03",
            "v01.2.3", "v1.", "v1..2", "v1.2.", "v1.2.3.", "v1.2.3.4", "v1-pre", "v1.2-pre", "v1.2+b",
            "v1.2.3-pre", "v1.2.3-pre+build", "v1.2.3+build", "v1.2.3-", "v1.2.3+", "v1.2.3-+b",
            "v1.2.3-a..b", "v1.2.3-a.", "v1.2.3-.a", "v1.2.3+a..b", "v1.2.3+.a", "v1.2.3-0", "v1.2.3-00",
            "v1.2.3-01", "v1.2.3-0a", "v1.2.3-a.01", "v1.2.3+01", "v1.2.3-alpha.1", "v1.2.3-alpha.beta",
            "v1.2.3-x-y-z.--", "v1.2.3-a_b", "v1.2.3+a_b", "v1.2.3-é", "v1.2.3+é", "v1.2.3 ", " v1.2.3",
            "v1.2.3\n", "v1.2.3+incompatible", "v2.0.0+incompatible", "v2.0.0-pre+incompatible",
            "v99999999999999999999.0.0", "v1.99999999999999999999.0", "v1.2.99999999999999999999999",
            "v1.0.0-99999999999999999999", "v1.0.0-100000000000000000000",
            "v0.0.0-20191109021931-daa7c04131f5", "v1.2.4-0.20191109021931-daa7c04131f5",
            "v1.2.3-pre.0.20191109021931-daa7c04131f5", "v1.2.3-pre.0.20191109021931-daa7c04131f5+incompatible",
            "v2.0.1-0.20191109021931-daa7c04131f5+incompatible", "v0.0.0-00010101000000-000000000000",
            "v1.0.0-00010101000000-000000000000", "v1.0.0-0.00010101000000-000000000000",
            "v0.0.0-20191109021931-daa7c04131f5+incompatible", "v1.2.0-0.20191109021931-daa7c04131f5",
            "v0.0.0-0.20191109021931-daa7c04131f5", "v1.2.10-0.20191109021931-daa7c04131f5",
            "v1.2.100-0.20191109021931-daa7c04131f5", "v1.2.1-0.20191109021931-daa7c04131f5", "v1.2.3-20191109021931-daa7c04131f5",
            "v0.0.0-2019110902193-daa7c04131f5", "v0.0.0-201911090219311-daa7c04131f5",
            "v0.0.0-20191109021931-", "v0.0.0-20191109021931-daa7c0413_f5", "v0.0.0-20191309021931-abc",
            "v0.0.0-20190230021931-abc", "v0.0.0-20200229235959-abc", "v0.0.0-21000229000000-abc",
            "v0.0.0-20191109241931-abc", "v0.0.0-20191109026031-abc", "v0.0.0-20191109021960-abc",
            "v0.0.0-00000101000000-abc", "v0.0.0-00001301000000-abc", "v0.0.0-00000100000000-abc",
            "v0.0.0-20191109021931-daa7c04131f5+a.b", "v1.2.3-pre.0.20191109021931-x", "v1.2.3-a.b.0.20191109021931-x",
            "v1.0.0-0.0.20191109021931-x", "v1.2.3-pre0.20191109021931-x", "v1.2.3-0.0.0.20191109021931-x",
            "v\uD800", "v1.2.3-\uDC00", "v1.2.3+\uD83D\uDE00");

    private static final String[] VERSION_TOKENS = {
        "v", "v", "v", "v0", "v1", "v2", "v01", "0", "1", "2", "9", "00", "01", "10", "99999999999999999999",
        ".", ".", ".", "-", "-", "+", "pre", "rc", "alpha", "A", "Z", "z", "x", "incompatible", "+incompatible",
        "-0.", ".0.", "20230102150405", "00010101000000", "20231399250000", "abcdef123456", "000000000000",
        "é", "\uD800", " ", "_", "!", "/go.mod"};

    private VersionStrings() {
    }

    /** Strings assembled from fragments of versions, most starting with {@code v}. */
    public static Arbitrary<String> versions() {
        Arbitrary<String> body = Arbitraries.of(VERSION_TOKENS).list().ofMinSize(0).ofMaxSize(8)
                .map(parts -> String.join("", parts));
        return Arbitraries.oneOf(
                body,
                body.map(b -> "v" + b),
                Arbitraries.of(CORPUS),
                pseudoVersionLike());
    }

    /** Strings close to the three pseudo-version shapes, with their parts varied. */
    public static Arbitrary<String> pseudoVersionLike() {
        Arbitrary<String> number = Arbitraries.of("0", "1", "2", "10", "00", "01", "99999999999999999999");
        Arbitrary<String> stem = Combinators.combine(number, number, number)
                .as((a, b, c) -> "v" + a + "." + b + "." + c);
        Arbitrary<String> pre = Arbitraries.of("", "", "-0", "-pre", "-pre.1", "-a.0", "-0.0", "-x.y");
        Arbitrary<String> joint = Arbitraries.of("-", ".0.", "-0.", ".", ".1.", "-00.");
        Arbitrary<String> stamp = Arbitraries.oneOf(
                Arbitraries.of("20191109021931", "00010101000000", "20200229235959", "21000229000000",
                        "20191309021931", "20191109240000", "2019110902193", "201911090219311", "99991231235959"),
                Arbitraries.strings().numeric().ofLength(14));
        Arbitrary<String> rev = Arbitraries.oneOf(
                Arbitraries.of("daa7c04131f5", "000000000000", "", "x", "abc_def", "ABC123"),
                Arbitraries.strings().withCharRange('a', 'f').numeric().ofMinLength(1).ofMaxLength(40));
        Arbitrary<String> build = Arbitraries.of("", "", "", "+incompatible", "+a.b", "+", "+a..b");
        return Combinators.combine(stem, pre, joint, stamp, rev, build)
                .as((s, p, j, t, r, b) -> s + p + j + t + "-" + r + b);
    }
}
