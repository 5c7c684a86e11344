package dev.gosync.cli;

import dev.gosync.agent.direct.DirectSettings;
import dev.gosync.agent.direct.VcsMap;
import dev.gosync.agent.direct.VcsMapFile;
import dev.gosync.agent.export.ChannelMode;
import dev.gosync.agent.export.ExportInput;
import dev.gosync.agent.export.ExportListener;
import dev.gosync.agent.export.ExportRequest;
import dev.gosync.agent.export.ExportResult;
import dev.gosync.agent.export.ExportSettings;
import dev.gosync.agent.export.Exporter;
import dev.gosync.agent.state.StateLocation;
import dev.gosync.bundle.archive.Compression;
import dev.gosync.gomod.GosyncException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gosync export}: parses flags into an {@link ExportRequest}, runs the {@link Exporter}, shows the outcome. */
@Command(name = "export", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Resolve projects and module queries as the go command does, fetch every module file "
                + "the isolated side needs (through the download cache, checked against go.sum), and write them "
                + "into one bundle. With no inputs, exports the project in the current directory.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "BUNDLE",
            description = "The bundle to write (for --split, the base name of the parts); it must not exist.")
    Path output;

    @Option(names = "--key", paramLabel = "FILE",
            description = "Sign with this OpenSSH Ed25519 private key (gosync keygen, or ssh-keygen -t ed25519).")
    Path key;

    @Option(names = "--unsigned", description = "Write an unsigned bundle; an import refuses it unless told otherwise.")
    boolean unsigned;

    @Option(names = "--proxy", paramLabel = "LIST",
            description = "A GOPROXY list to use instead of the environment's (',' falls through on 404/410, '|' on any error).")
    String proxy;

    @Option(names = "--vcs-map", paramLabel = "PREFIX=REPO_URL",
            description = "Fetch modules at or below PREFIX (a repository root's import path) from this git URL in direct "
                    + "mode, without discovery; repeatable, the longest prefix wins, before the vcs-map file's entries.")
    List<String> vcsMaps = new ArrayList<>();

    @Option(names = "--vcs-map-file", paramLabel = "FILE",
            description = "The vcs-map file, one PREFIX=REPO_URL per line (default: $XDG_CONFIG_HOME/gosync/vcs-map or "
                    + "~/.config/gosync/vcs-map; see docs/direct-mode.md).")
    Path vcsMapFile;

    @Option(names = "--incremental",
            description = "Leave out files the channel shipped before (recorded in the state file); needs --channel.")
    boolean incremental;

    @Option(names = "--channel", paramLabel = "NAME",
            description = "The channel of the bundle; a full export without it is on channel \"default\".")
    String channel;

    @Option(names = "--since", paramLabel = "BUNDLE",
            description = "Continue the channel of this earlier bundle, leaving out the files it carries; needs no state.")
    Path since;

    @Option(names = "--state", paramLabel = "FILE",
            description = "The state file of --incremental (default: the per-user state directory).")
    Path state;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "The download cache (default: $XDG_CACHE_HOME/gosync/download or ~/.cache/gosync/download).")
    Path cache;

    @Option(names = "--split", paramLabel = "SIZE", converter = ByteSize.Converter.class,
            description = "Write parts of at most SIZE bytes, e.g. 4GiB or 700MB, for removable media.")
    Long split;

    @Option(names = "--compression", paramLabel = "zstd|gzip", defaultValue = "zstd",
            description = "The compression of the bundle (default: ${DEFAULT-VALUE}).")
    String compression;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Files fetched at once (default: twice the processors, at most 8).")
    Integer jobs;

    @Option(names = "--dry-run", description = "Print the plan (modules, versions, why each is needed, what is to fetch) and write nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the result (or, with --dry-run, the plan) as JSON on standard output.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print no progress, and no summary unless --json asks for it.")
    boolean quiet;

    @Option(names = "--from-file", paramLabel = "FILE",
            description = "Read more inputs from FILE, one per line; blank lines and lines starting with # are skipped.")
    Path fromFile;

    @Parameters(paramLabel = "PROJECT_DIR|MODULE@QUERY",
            description = "Project directories (go.mod or go.work) and module queries such as example.com/m@latest.")
    List<String> inputs = new ArrayList<>();

    @Override
    public Integer call() {
        ExportRequest request = request();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExportProgress progress = quiet ? null : new ExportProgress(err, System.console() != null);
        ExportResult result;
        try {
            ExportSettings settings = ExportSettings.fromProcess("gosync " + GosyncCommand.version());
            result = new Exporter(settings.withDirect(DirectSettings.of(vcsMap(settings))))
                    .export(request, progress == null ? ExportListener.NONE : progress);
        } finally {
            if (progress != null) {
                progress.finish();
            }
        }
        if (json) {
            out.println(ExportReport.json(result));
        } else if (result.dryRun()) {
            ExportReport.plan(result, out);
        } else if (!quiet) {
            ExportReport.summary(result, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private ExportRequest request() {
        if (key != null && unsigned) {
            throw usage("--key and --unsigned exclude each other");
        }
        if (key == null && !unsigned && !dryRun) {
            throw usage("say how to sign: --key FILE, or --unsigned for a bundle without signature");
        }
        if (jobs != null && jobs < 1) {
            throw usage("--jobs must be at least 1, got " + jobs);
        }
        Path cwd = Path.of("").toAbsolutePath();
        List<ExportInput> parsed = new ArrayList<>();
        inputs.forEach(arg -> parsed.add(ExportInput.parse(arg, cwd)));
        if (fromFile != null) {
            parsed.addAll(ExportInput.readList(fromFile));
        }
        if (parsed.isEmpty()) {
            parsed.add(new ExportInput.Project(cwd));
        }
        ExportRequest.Builder request = ExportRequest.builder(output)
                .inputs(parsed)
                .proxy(proxy)
                .signingKey(key)
                .compression(compression())
                .channel(channelMode())
                .cacheDir(cache)
                .dryRun(dryRun);
        if (split != null) {
            request.splitSize(split);
        }
        if (jobs != null) {
            request.jobs(jobs);
        }
        return request.build();
    }

    /** The --vcs-map options, then the vcs-map file for prefixes they leave unmapped. */
    private VcsMap vcsMap(ExportSettings settings) {
        List<VcsMap.Entry> given = new ArrayList<>();
        for (String spec : vcsMaps) {
            try {
                given.add(VcsMap.parseEntry(spec, "--vcs-map"));
            } catch (GosyncException e) {
                throw usage(e.getMessage() + " (" + e.remedy() + ")");
            }
        }
        Path file = vcsMapFile != null ? vcsMapFile
                : VcsMapFile.defaultFile(settings.environment(), settings.osName(), settings.home());
        if (vcsMapFile != null && !Files.isRegularFile(file)) {
            throw usage("--vcs-map-file " + file + " does not exist");
        }
        return VcsMap.of(given).before(VcsMap.readFile(file));
    }

    private Compression compression() {
        return switch (compression.toLowerCase(Locale.ROOT)) {
            case "zstd" -> Compression.ZSTD;
            case "gzip" -> Compression.GZIP;
            default -> throw usage("--compression must be zstd or gzip, got " + compression);
        };
    }

    private ChannelMode channelMode() {
        if (since != null) {
            if (incremental || channel != null || state != null) {
                throw usage("--since continues the channel of the given bundle: it takes no --incremental, --channel or --state");
            }
            return new ChannelMode.Since(since);
        }
        if (incremental) {
            if (channel == null) {
                throw usage("--incremental needs --channel NAME: the state records what each channel shipped");
            }
            return new ChannelMode.Incremental(channel, state != null ? state : StateLocation.defaultFile());
        }
        if (state != null) {
            throw usage("--state is only read by --incremental");
        }
        return new ChannelMode.Full(channel != null ? channel : ChannelMode.DEFAULT_CHANNEL);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
