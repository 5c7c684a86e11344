package dev.gosync.serve.vendor;

import static dev.gosync.serve.vendor.TestMirror.files;

/**
 * Module versions made up to exercise every rule of vendoring, stored in a {@link TestMirror}.
 * Module paths are under {@code example.com}; nothing here is fetched from anywhere.
 */
final class GeneratedModules {
    private GeneratedModules() {
    }

    static void addTo(TestMirror m) {
        m.add("example.com/dep", "v1.0.0", files(
                "go.mod", "module example.com/dep\n\ngo 1.20\n\nrequire (\n\texample.com/indirect v1.0.0\n\texample.com/tagdep v1.0.0\n)\n",
                "go.sum", "not really a go.sum, copied only below main go 1.17\n",
                "LICENSE", "dep licence\n",
                "README.md", "dep readme\n",
                "dep.go", "// Package dep is a dependency.\npackage dep\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/indirect\"\n)\n\n"
                        + "// Hello greets.\nfunc Hello() string { return fmt.Sprint(\"dep+\", indirect.Name()) }\n",
                "ignored.go", "//go:build ignore\n\npackage main\n\nimport _ \"example.com/notinmirror\"\n",
                "legacy_ignored.go", "// +build ignore\n\npackage dep\n\nimport _ \"example.com/notinmirror2\"\n",
                "legacy_kept.go", "// Copyright line first.\n\n// +build linux,!ignore\n\npackage dep\n",
                "dep_windows_arm64.go", "package dep\n\nconst onWindowsArm = true\n",
                "tagged.go", "//go:build customtag && !windows\n\npackage dep\n\nimport _ \"example.com/tagdep\"\n",
                "dep_test.go", "package dep\n\nimport _ \"example.com/testonlydep\"\n",
                "data.json", "{}\n",
                "testdata/golden.txt", "not vendored\n",
                "sub/sub.go", "package sub\n\n// Sub is here.\nconst Sub = \"sub\"\n",
                "sub/NOTICE.txt", "sub notice\n",
                "deep/COPYING", "deep copying\n",
                "deep/README", "not a legal file\n",
                "deep/inner/pkg/p.go", "package pkg\n\n// P is here.\nconst P = \"p\"\n",
                "emb/emb.go", "package emb\n\nimport \"embed\"\n\n//go:embed static/* files/a.txt \"quoted name.txt\"\nvar F embed.FS\n\n"
                        + "//go:embed all:hidden\nvar H embed.FS\n\n// Text is /* not a comment */ \"//go:embed nothing\".\n"
                        + "const Text = \"//go:embed nothing.txt\"\n",
                "emb/static/x.txt", "x\n",
                "emb/static/.hidden.txt", "matched by * at the top\n",
                "emb/static/sub/y.txt", "y\n",
                "emb/static/sub/.skip.txt", "hidden below a matched directory\n",
                "emb/static/sub/_skip2.txt", "hidden below a matched directory\n",
                "emb/files/a.txt", "a\n",
                "emb/files/b.txt", "not embedded\n",
                "emb/quoted name.txt", "quoted\n",
                "emb/hidden/.dot", "all: takes hidden files\n",
                "emb/hidden/_u.txt", "all: takes hidden files\n",
                "emb/hidden/n.txt", "n\n",
                "emb/emb_test.go", "package emb\n\nimport \"embed\"\n\n//go:embed testfiles\nvar T embed.FS\n",
                "emb/testfiles/t.txt", "embedded by a test: vendored below main go 1.22\n",
                "emb/x_test.go", "package emb_test\n\nimport \"embed\"\n\n//go:embed xtestfiles/*.txt\nvar X embed.FS\n",
                "emb/xtestfiles/u.txt", "embedded by an external test\n",
                "emb/ignored_embed.go", "//go:build ignore\n\npackage emb\n\nimport _ \"embed\"\n\n//go:embed ignoreddir/f.txt\nvar s string\n",
                "emb/ignoreddir/f.txt", "embedded by an ignored file\n"));
        m.add("example.com/indirect", "v1.0.0", files(
                "go.mod", "module example.com/indirect\n\ngo 1.19\n",
                "indirect.go", "package indirect\n\n// Name names it.\nfunc Name() string { return \"indirect\" }\n"));
        m.add("example.com/tagdep", "v1.0.0", files(
                "go.mod", "module example.com/tagdep\n",
                "tagdep.go", "package tagdep\n"));
        m.add("example.com/nest", "v1.0.0", files(
                "go.mod", "module example.com/nest\n\ngo 1.20\n",
                "LICENSE", "nest licence\n",
                "nest.go", "package nest\n\n// Nest is here.\nconst Nest = \"nest\"\n",
                "inner/go.mod", "module example.com/nest/inner\n\ngo 1.20\n",
                "inner/inner.go", "package inner\n\nconst Wrong = \"left out of the outer zip\"\n"));
        m.add("example.com/nest/inner", "v1.0.0", files(
                "go.mod", "module example.com/nest/inner\n\ngo 1.20\n",
                "LICENSE", "inner licence\n",
                "inner.go", "package inner\n\n// Inner is here.\nconst Inner = \"inner\"\n"));
        m.add("example.com/old", "v1.0.0", files(
                "go.mod", "module example.com/old\n\ngo 1.18\n",
                "old.go", "package old\n\nconst Old = \"the original, replaced\"\n"));
        m.add("example.com/new", "v1.1.0", files(
                "go.mod", "module example.com/old\n\ngo 1.20\n",
                "old.go", "package old\n\n// Old is the replacement's.\nconst Old = \"new\"\n"));
        m.add("example.com/ver", "v1.0.0", files(
                "go.mod", "module example.com/ver\n\ngo 1.20\n",
                "ver.go", "package ver\n\nconst V = \"v1.0.0\"\n"));
        m.add("example.com/ver", "v1.1.0", files(
                "go.mod", "module example.com/ver\n\ngo 1.20\n",
                "ver.go", "package ver\n\n// V is the version.\nconst V = \"v1.1.0\"\n"));
        m.add("example.com/nopkgs", "v1.0.0", files(
                "go.mod", "module example.com/nopkgs\n\ngo 1.20\n",
                "README", "a module whose packages nobody imports\n",
                "unused/unused.go", "package unused\n"));
        m.add("example.com/testonly", "v1.0.0", files(
                "go.mod", "module example.com/testonly\n\ngo 1.20\n",
                "testonly.go", "package testonly\n\n// T is here.\nconst T = \"t\"\n"));
        m.add("example.com/xtestonly", "v1.0.0", files(
                "go.mod", "module example.com/xtestonly\n\ngo 1.20\n",
                "xtestonly.go", "package xtestonly\n\n// X is here.\nconst X = \"x\"\n"));
        m.add("example.com/toolmod", "v1.0.0", files(
                "go.mod", "module example.com/toolmod\n\ngo 1.24\n",
                "cmd/tool/main.go", "package main\n\nfunc main() {}\n",
                "LICENSE.md", "tool licence\n"));
        m.add("example.com/legacy", "v1.0.0", files(
                "legacy.go", "package legacy\n\n// L is here.\nconst L = \"no go.mod at all\"\n"));
        m.add("example.com/cgodep", "v1.0.0", files(
                "go.mod", "module example.com/cgodep\n\ngo 1.21\n",
                "cgo.go", "//go:build cgo\n\npackage cgodep\n\n// #include \"helper.h\"\nimport \"C\"\n\nimport _ \"embed\"\n\n"
                        + "//go:embed cgoembed/c.txt\nvar c string\n",
                "cgoembed/c.txt", "embedded by a cgo file: only with cgo enabled\n",
                "nocgo.go", "//go:build !cgo\n\npackage cgodep\n",
                "cfile.c", "int x(void) { return 1; }\n",
                "helper.h", "int x(void);\n",
                "asm_amd64.s", "// assembly\n",
                "asm.S", "// preprocessed assembly\n",
                "lib.syso", "binary object\n"));
    }
}
