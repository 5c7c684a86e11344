package dev.gosync.cli;

import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.dirhash.DirHash;
import dev.gosync.gomod.modfile.ModFile;
import dev.gosync.gomod.modfile.WorkFile;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.zip.CheckedFiles;
import dev.gosync.gomod.zip.CreatedZip;
import dev.gosync.gomod.zip.FileProblem;
import dev.gosync.gomod.zip.ModuleZips;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gosync mod …}: the Go-module core's tools, for inspecting files by hand. */
@Command(name = "mod", mixinStandardHelpOptions = true, description = "Tools over gosync's Go-module core: format, zip, check and hash.",
        subcommands = {ModCommand.Fmt.class, ModCommand.Zip.class, ModCommand.CheckZip.class, ModCommand.Hash.class})
final class ModCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static ModuleVersion moduleVersion(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new GosyncException("--module " + text + " is not PATH@VERSION", "write it like example.com/m@v1.2.3");
        }
        return new ModuleVersion(text.substring(0, at), text.substring(at + 1));
    }

    @Command(name = "fmt", mixinStandardHelpOptions = true, description = "Print a go.mod or go.work file formatted exactly as 'go mod edit -fmt' would write it.")
    static final class Fmt implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "-w", description = "Rewrite the file in place instead of printing it.")
        boolean write;

        @Parameters(paramLabel = "FILE", description = "go.mod or go.work")
        Path file;

        @Override
        public Integer call() throws IOException {
            byte[] content = Files.readAllBytes(file);
            boolean work = file.getFileName().toString().endsWith(".work");
            byte[] formatted = work ? WorkFile.parse(file.toString(), content).format()
                    : ModFile.parse(file.toString(), content).format();
            if (write) {
                Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".gosync-fmt-", ".tmp");
                Files.write(tmp, formatted);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                spec.commandLine().getOut().print(new String(formatted, StandardCharsets.UTF_8));
                spec.commandLine().getOut().flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "zip", mixinStandardHelpOptions = true, description = "Create a module zip from a directory by the module zip rules.")
    static final class Zip implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--module", required = true, paramLabel = "PATH@VERSION")
        String module;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.zip")
        Path output;

        @Parameters(paramLabel = "DIR")
        Path dir;

        @Override
        public Integer call() throws IOException {
            ModuleVersion mv = moduleVersion(module);
            CheckedFiles checked = ModuleZips.checkDir(dir);
            Path target = output.toAbsolutePath();
            Path tmp = Files.createTempFile(target.getParent(), ".gosync-zip-", ".tmp");
            try {
                CreatedZip created;
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    created = ModuleZips.createFromDir(mv, dir, out);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                PrintWriter out = spec.commandLine().getOut();
                printProblems(out, "omitted", checked.omitted());
                out.printf("%s: %d files, %d bytes of content%n%s %s %s%n", target, created.files(), created.contentBytes(),
                        mv.path(), mv.version(), created.h1());
                return ExitCodes.OK;
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    @Command(name = "check-zip", mixinStandardHelpOptions = true, description = "Check a module zip against the module zip rules.")
    static final class CheckZip implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--module", required = true, paramLabel = "PATH@VERSION")
        String module;

        @Parameters(paramLabel = "ZIP")
        Path zip;

        @Override
        public Integer call() {
            CheckedFiles checked = ModuleZips.checkZip(moduleVersion(module), zip);
            PrintWriter out = spec.commandLine().getOut();
            checked.valid().forEach(v -> out.println("valid    " + v));
            printProblems(out, "omitted", checked.omitted());
            printProblems(out, "invalid", checked.invalid());
            if (checked.error().isPresent()) {
                throw new GosyncException(zip + " breaks the module zip rules: " + checked.error().get(),
                        "the go command would refuse this zip too; rebuild it with 'gosync mod zip'");
            }
            out.println(zip + " follows the module zip rules");
            return ExitCodes.OK;
        }
    }

    @Command(name = "hash", mixinStandardHelpOptions = true, description = "Print the h1: hash the go command would record for a zip, a go.mod or a directory.")
    static final class Hash implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        static final class What {
            @Option(names = "--zip", paramLabel = "ZIP", description = "a module zip")
            Path zip;

            @Option(names = "--mod", paramLabel = "GO.MOD", description = "a go.mod file")
            Path goMod;

            @Option(names = "--dir", paramLabel = "DIR", description = "an extracted module tree (needs --module)")
            Path dir;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        What what;

        @Option(names = "--module", paramLabel = "PATH@VERSION", description = "the module version, for --dir")
        String module;

        @Override
        public Integer call() throws IOException {
            String h1;
            if (what.zip != null) {
                h1 = DirHash.hashZip(what.zip);
            } else if (what.goMod != null) {
                h1 = DirHash.hashGoMod(Files.readAllBytes(what.goMod));
            } else {
                if (module == null) {
                    throw new GosyncException("--dir needs --module PATH@VERSION", "add the module version the tree belongs to");
                }
                h1 = DirHash.hashDir(what.dir, moduleVersion(module).toString());
            }
            spec.commandLine().getOut().println(h1);
            return ExitCodes.OK;
        }
    }

    private static void printProblems(PrintWriter out, String label, java.util.List<FileProblem> problems) {
        for (FileProblem p : problems) {
            out.printf("%-8s %s: %s%n", label, p.path(), p.reason());
        }
    }
}
