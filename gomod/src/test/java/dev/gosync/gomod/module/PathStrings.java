package dev.gosync.gomod.module;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generators and a curated corpus of module, import and file paths that probe the naming rules. */
final class PathStrings {
    /** Hand-picked paths: every naming rule, on both sides of its boundary. */
    static final List<String> CORPUS = List.of(
            "", "/", "a", "example.com", "example.com/", "/example.com", "example.com//x", "example.com/x/",
            "example", "Example.com", "example.COM/x", "example.com/Azure/sdk", "github.com/Azure/azure-sdk-for-go",
            "-example.com", "example.com/-x", "example-.com", "example.com/x-", ".example.com", "example.com/.x",
            "example.com/x.", "example.com/.", "example.com/..", "example.com/...", "example.com/../x",
            "example.com/./x", "example.com/a..b", "example.com/a.b.c", "exa_mple.com", "exa~mple.com",
            "example.com/a_b~c", "example.com/x~1", "example.com/x~", "example.com/x~1.go", "example.com/x~a1",
            "example.com/~1", "example.com/PROGRA~1", "example.com/x+y", "example.com/c++", "example.com/x y",
            "example.com/x@y", "example.com/x!y", "example.com/x%2ey", "example.com/x#y", "example.com/x$y",
            "example.com/x&y", "example.com/(x)", "example.com/x,y", "example.com/x=y", "example.com/[x]",
            "example.com/x^y", "example.com/{x}", "example.com/x\"y", "example.com/x'y", "example.com/x*y",
            "example.com/x<y>", "example.com/x?y", "example.com/x`y", "example.com/x|y", "example.com/x:y",
            "example.com/x\\y", "example.com/x\u0000y", "example.com/x\ty", "example.com/x\u007fy",
            "example.com/con", "example.com/CON", "example.com/Con.txt", "example.com/con.d/x", "example.com/conx",
            "example.com/nul", "example.com/aux", "example.com/prn", "example.com/com1", "example.com/COM9.x",
            "example.com/com0", "example.com/lpt1", "example.com/LPT9", "example.com/lpt10", "con.example.com",
            "example.com/v0", "example.com/v1", "example.com/v2", "example.com/v02", "example.com/v10",
            "example.com/v2.1", "example.com/v2/x", "example.com/x/v3", "example.com/v", "example.com/vx",
            "example.com/xv2", "example.com/v1.0", "example.com/.v2", "example.com/x.v2",
            "gopkg.in/yaml.v2", "gopkg.in/yaml.v0", "gopkg.in/yaml.v1", "gopkg.in/yaml.v02", "gopkg.in/yaml",
            "gopkg.in/yaml.v2-unstable", "gopkg.in/yaml-unstable", "gopkg.in/user/pkg.v3", "gopkg.in/v2",
            "gopkg.in/.v2", "gopkg.in/yaml.v2/x", "gopkg.in/yaml.v", "gopkg.in",
            "example.com/é", "example.com/ß", "example.com/中文", "example.com/x\u00a0y", "example.com/\u0301",
            "example.com/\u212a", "example.com/\u01c5", "example.com/\uD83D\uDE00", "example.com/\uD800",
            "example.com/x\uDC00", "é.example.com", "example.com/!x", "example.com/x!", "example.com/!!x",
            "a.b/c", "1.2.3.4/x", "localhost.localdomain/x", "example.com:8080/x", "ex ample.com/x",
            "a/b.c", "x.y/z/v2/v3", "x.y/z/v3/v2", "-", ".", "..", "x.");

    private static final String[] PATH_TOKENS = {
        "example.com", "gopkg.in", "github.com", "x.y", "/", "/", "/", "v", "v0", "v1", "v2", "v02", "0", "1",
        "2", ".", "..", ".v1", ".v0", "-unstable", "-", "_", "~", "~1", "+", "!", "a", "x", "A", "Z", "con",
        "NUL", "com1", "lpt9", "aux.txt", "é", "中", "\u212a", "\u0301", "\uD83D\uDE00", "\uD800", "\uDC00",
        " ", "@", "%2e", "\\", ":", "*", "\u0000", "\t", "\u00a0", "#", "(", "=", "[", "\"", "'"};

    private PathStrings() {
    }

    /** Paths built from fragments, many of them under a plausible domain. */
    static Arbitrary<String> paths() {
        Arbitrary<String> body = Arbitraries.of(PATH_TOKENS).list().ofMaxSize(8).map(parts -> String.join("", parts));
        return Arbitraries.oneOf(
                body,
                body.map(b -> "example.com/" + b),
                body.map(b -> "gopkg.in/" + b),
                Arbitraries.of(CORPUS));
    }
}
