package dev.gosync.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosync.agent.auth.AuthConfig;
import dev.gosync.agent.env.GoEnvironment;
import dev.gosync.agent.proxy.ProxyClient;
import dev.gosync.agent.proxy.ProxyClientSettings;
import dev.gosync.agent.proxy.ProxyUrl;
import dev.gosync.gomod.GosyncException;
import dev.gosync.gomod.store.LayoutStore;
import dev.gosync.gomod.store.ModuleSource;
import dev.gosync.serve.vendor.VendorResult;
import dev.gosync.serve.vendor.Vendorer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gosync vendor}: a project's vendor/ from a mirror, as {@code go mod vendor} writes it. */
@Command(name = "vendor", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Write vendor/ and vendor/modules.txt exactly as 'go mod vendor' (or, for a go.work, "
                + "'go work vendor') would, reading modules only from a mirror and checking each against go.sum. "
                + "Then 'go build -mod=vendor' needs no network and no module cache.")
final class VendorCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "PROJECT",
            description = "The project: a directory holding a go.work, or a module's directory or one below it, as the go command finds its module root (default: the current directory).")
    Path dir;

    @Option(names = "--from", paramLabel = "MIRROR_DIR|URL",
            description = "The mirror: a directory in GOPROXY layout, or a file:// or http(s):// GOPROXY URL "
                    + "(default: the first entry of GOPROXY as you set it, in the environment or with go env -w, if it is "
                    + "one of those; never the go command's built-in default).")
    String from;

    @Option(names = {"-v", "--verbose"}, description = "Print the modules and packages vendored (modules.txt) to standard error.")
    boolean verbose;

    @Option(names = "--json", description = "Print the result as JSON on standard output.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on success.")
    boolean quiet;

    @Override
    public Integer call() {
        Path project = (dir != null ? dir : Path.of("")).toAbsolutePath().normalize();
        if (!Files.isDirectory(project)) {
            throw usage("--dir " + project + " is not a directory");
        }
        // The environment (which may ask go env) matters only for a default mirror or a URL's credentials.
        String mirror = from != null ? from : defaultMirror(UserGoproxy.of(System.getenv(), System.getProperty("os.name"))
                .map(v -> GoEnvironment.of(Map.of("GOPROXY", v))).orElse(GoEnvironment.of(Map.of())));
        ModuleSource source = source(mirror);
        if (!quiet && !json) {
            spec.commandLine().getErr().println("vendoring from " + source.describe()
                    + (from == null ? " (the first entry of GOPROXY)" : ""));
            spec.commandLine().getErr().flush();
        }
        VendorResult result = new Vendorer(source).cgoEnabled(!"0".equals(System.getenv("CGO_ENABLED")))
                .gowork(System.getenv("GOWORK")).vendor(project);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (verbose) {
            err.print(result.modulesTxt());
            err.flush();
        }
        if (json) {
            out.println(json(result, source));
        } else if (!quiet) {
            if (result.nothingToVendor()) {
                out.println("no dependencies to vendor" + (Files.exists(result.vendorDir()) ? "" : "; there is no vendor directory"));
            } else {
                out.printf(Locale.ROOT, "vendored %s of %s into %s (%s, %s), %s checked against go.sum%n",
                        count(result.packages(), "package"), count(result.modules().size(), "module"), result.vendorDir(),
                        count(result.files(), "file"), ByteSize.format(result.bytes()), count(result.zipsVerified(), "module zip"));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * The first GOPROXY entry that is a file or HTTP(S) URL; "direct" or "off" first means no mirror was named.
     * {@code env} holds GOPROXY only as the user set it ({@link UserGoproxy}), never the go command's default.
     */
    static String defaultMirror(GoEnvironment env) {
        String goproxy = env.get("GOPROXY").orElse("");
        String first = goproxy.split("[,|]", 2)[0].trim();
        if (first.startsWith("file://") || first.startsWith("http://") || first.startsWith("https://")) {
            return first;
        }
        throw new GosyncException("no mirror to vendor from: --from is not given and GOPROXY "
                + (goproxy.isEmpty() ? "is not set (in the environment or by go env -w; gosync never uses the go "
                        + "command's built-in default, a public proxy)"
                        : "starts with " + (first.isEmpty() ? "an empty entry" : first)),
                "name the mirror: gosync vendor --from /path/to/mirror (or --from http://host:port/ for gosync serve)");
    }

    private static ModuleSource source(String from) {
        if (from.startsWith("http://") || from.startsWith("https://") || from.startsWith("file://")) {
            ProxyClientSettings settings = ProxyClientSettings.defaults()
                    .withAuth(AuthConfig.fromEnvironment(GoEnvironment.fromProcess()));
            return ProxyClient.create(settings).source(ProxyUrl.parse(from));
        }
        if (from.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            throw new GosyncException("--from " + from + ": unsupported URL scheme",
                    "give a mirror directory, or a file://, http:// or https:// URL");
        }
        Path mirror = Path.of(from).toAbsolutePath().normalize();
        if (!Files.isDirectory(mirror)) {
            throw new GosyncException("mirror " + mirror + " is not a directory",
                    "give the directory that gosync import fills (GOPROXY layout), or a URL of gosync serve");
        }
        return LayoutStore.open(mirror);
    }

    private static String json(VendorResult result, ModuleSource source) {
        ObjectNode root = JSON.createObjectNode();
        root.put("vendorDir", result.vendorDir().toString());
        root.put("source", source.describe());
        root.put("nothingToVendor", result.nothingToVendor());
        root.put("packages", result.packages());
        root.put("files", result.files());
        root.put("bytes", result.bytes());
        root.put("zipsVerified", result.zipsVerified());
        ArrayNode modules = root.putArray("modules");
        for (VendorResult.VendoredModule m : result.modules()) {
            ObjectNode node = modules.addObject();
            node.put("path", m.module().path());
            node.put("version", m.module().version());
            node.put("packages", m.packages());
        }
        return root.toString();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
