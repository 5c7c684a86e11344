package dev.gosync.gomod.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.GoSandbox;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The go command itself is the judge of {@link RevInfo}: a {@code file://} proxy laid out by hand
 * serves odd {@code .info} documents (extra fields, key case, repeated keys, lenient times, odd
 * zones, escapes, invalid UTF-8, Origin fields to clean up), {@code go mod download} fetches them,
 * and the {@code .info} it caches must be byte for byte what {@link RevInfo#toJson()} writes.
 * Documents RevInfo rejects must leave no cached {@code .info}: the go command refused them too.
 */
class RevInfoGoCommandTest {
    private static final String MODULE = "example.com/info";
    private static final String PSEUDO = "v1.0.20-0.20200102030405-abcdefabcdef";

    @TempDir
    static Path tmp;
    static GoSandbox go;
    static final List<Served> ACCEPTED = new ArrayList<>();
    static final List<Served> REJECTED = new ArrayList<>();

    /** One version and the .info bytes the proxy serves for it. */
    record Served(String version, byte[] info) {
        Path cached() {
            return go.downloadDir().resolve(MODULE).resolve("@v").resolve(version + ".info");
        }
    }

    @BeforeAll
    static void downloadThroughTheGoCommand() throws IOException {
        accept("{\"Version\":\"V\",\"Time\":\"2020-01-02T03:04:05.120000000+05:30\",\"Extra\":[1,{\"a\":null}],"
                + "\"Origin\":{\"VCS\":\"git\",\"URL\":\"https://x/?a=1&b=<2>\",\"Subdir\":\"s\",\"Hash\":\"abc\","
                + "\"TagPrefix\":\"s/\",\"TagSum\":\"t1:x\",\"Ref\":\"refs/tags/v1.0.0\",\"RepoSum\":\"r1:y\",\"Zzz\":\"q\"}}");
        accept("{\"version\":\"V\",\"TIME\":\"2020-01-02T3:04:05,5-00:00\"}");
        accept("{\"Version\":\"V\"}");
        accept("{\"Version\":\"V\",\"Time\":null,\"Origin\":null}");
        accept("{\"Version\":\"V\",\"Time\":\"2020-01-02T03:04:05Z\","
                + "\"Origin\":{\"VCS\":\"git\"},\"Origin\":{\"URL\":\"u\u2028\"}}");
        accept("{\"Version\":\"v0.0.1\",\"Version\":\"V\",\"Time\":\"2020-01-02T03:04:05.1234567891-23:59\"}");
        accept("{\"Ver\u017Fion\":\"V\",\"Time\":\"2020-01-02T03:04:05+01:60\",\"Origin\":{}}");
        accept(" {\n\t\"Version\" : \"V\" ,\r\n \"Time\" : \"0000-02-29T00:00:00Z\","
                + "\"Origin\":{\"URL\":\"\\u00e9\\/\\t\\ud83d\\ude00\\ud800<\"}\n}\n");
        accept("{\"Version\":\"V\",\"Origin\":{\"Hash\":\"\u00e9\\u0000\u007f\",\"Other\":{\"deep\":[[[]]]}}}");
        accept(withInvalidUtf8("{\"Version\":\"V\",\"Origin\":{\"URL\":\"aXb\"}}"));
        accept("{\"Version\":\"V\",\"Time\":\"2020-01-02T03:04:05Z\",\"Origin\":{\"Ref\":\"refs/heads/main\",\"Hash\":\"h\"}}",
                PSEUDO);
        reject("{\"Version\":\"V\",\"Time\":\"2020-01-02T03:04:05+24:00\"}");
        reject("{\"Version\":\"V\",\"Time\":\"2020-01-02 03:04:05Z\"}");
        reject("{\"Version\":\"V\",\"Time\":\"2020-01-02T03:04:05z\"}");
        reject("{\"Version\":\"V\",\"Time\":\"2020\\u002d01-02T03:04:05Z\"}");
        reject("{\"Version\":\"V\",\"Time\":20200102}");
        reject("{\"Version\":1}");
        reject("{\"Time\":\"2020-01-02T03:04:05Z\"}");
        reject("{\"Version\":\"V\",}");
        reject("{\"Version\":\"V\",\"Origin\":\"git\"}");
        reject("{\"Version\":\"V\",\"Origin\":{\"VCS\":1}}");
        reject("[\"V\"]");
        reject("Version: \"V\"");
        reject("{\"Version\":\"V\",\"Origin\":{\"Hash\":\"\u0001\"}}");

        Path proxy = tmp.resolve("proxy");
        Path versions = Files.createDirectories(proxy.resolve(MODULE).resolve("@v"));
        List<String> args = new ArrayList<>(List.of("mod", "download", "-json"));
        for (Served served : Stream.concat(ACCEPTED.stream(), REJECTED.stream()).toList()) {
            ModuleVersion mv = new ModuleVersion(MODULE, served.version());
            Files.write(versions.resolve(served.version() + ".info"), served.info());
            Files.write(versions.resolve(served.version() + ".mod"), TestModules.goMod(mv));
            Files.write(versions.resolve(served.version() + ".zip"), TestModules.zip(mv, tmp.resolve("scratch")));
            args.add(mv.toString());
        }
        go = GoSandbox.create(tmp.resolve("sandbox")).set("GOPROXY", proxy.toUri().toString());
        // The rejected versions make the command fail; each version's outcome shows in the cache.
        go.go(Files.createDirectories(tmp.resolve("outside")), args.toArray(String[]::new));
    }

    private static void accept(String json) {
        accept(json, "v1.0." + ACCEPTED.size());
    }

    private static void accept(String json, String version) {
        ACCEPTED.add(new Served(version, json.replace("\"V\"", "\"" + version + "\"").getBytes(StandardCharsets.UTF_8)));
    }

    private static void accept(byte[] json) {
        String version = "v1.0." + ACCEPTED.size();
        ACCEPTED.add(new Served(version, new String(json, StandardCharsets.ISO_8859_1)
                .replace("\"V\"", "\"" + version + "\"").getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static void reject(String json) {
        String version = "v1.1." + REJECTED.size();
        REJECTED.add(new Served(version, json.replace("\"V\"", "\"" + version + "\"").getBytes(StandardCharsets.UTF_8)));
    }

    /** The document with its X replaced by a byte that is not valid UTF-8. */
    private static byte[] withInvalidUtf8(String json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int x = json.indexOf('X');
        out.writeBytes(json.substring(0, x).getBytes(StandardCharsets.UTF_8));
        out.write(0xFF);
        out.writeBytes(json.substring(x + 1).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @TestFactory
    Stream<DynamicTest> cachedInfoIsWhatToJsonWrites() {
        return ACCEPTED.stream().map(served -> DynamicTest.dynamicTest(new String(served.info(), StandardCharsets.UTF_8), () -> {
            assertTrue(Files.isRegularFile(served.cached()), "the go command cached no .info for " + served.version());
            assertArrayEquals(Files.readAllBytes(served.cached()), RevInfo.parse(served.info()).toJson(),
                    () -> "go cached " + readString(served.cached()) + "\nwe write "
                            + new String(RevInfo.parse(served.info()).toJson(), StandardCharsets.UTF_8));
        }));
    }

    @TestFactory
    Stream<DynamicTest> rejectedInfoIsNotCachedByTheGoCommandEither() {
        return REJECTED.stream().map(served -> DynamicTest.dynamicTest(new String(served.info(), StandardCharsets.UTF_8), () -> {
            assertThrows(InvalidInfoException.class, () -> RevInfo.parse(served.info()));
            assertFalse(Files.exists(served.cached()), "the go command cached " + served.cached());
        }));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
