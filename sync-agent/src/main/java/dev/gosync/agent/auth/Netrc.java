package dev.gosync.agent.auth;

import dev.gosync.agent.env.GoEnvironment;
import dev.gosync.gomod.GoFields;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code .netrc} file read the way the go command reads it.
 *
 * <p>Parsing: lines are split into white-space separated words and read as keyword/value pairs;
 * {@code machine} starts a new entry, {@code login} and {@code password} fill it, and an entry
 * counts as soon as it has all three. {@code macdef} skips the following lines up to an empty
 * one. A {@code default} that ends a line's pairs stops parsing (a {@code default} elsewhere
 * swallows the word after it, as in the go command). {@code account} and unknown keywords are
 * ignored.
 *
 * <p>Lookup: a machine name is a URL prefix without the scheme, {@code host[:port][/path…]}. A
 * request URL is tried as {@code host[:port]/path…} and then with its last path element removed,
 * again and again, so {@code 127.0.0.1:8080} matches only URLs with that port. When a machine is
 * listed twice, the first entry wins.
 */
public final class Netrc {
    /**
     * One complete entry. The login and password are kept only as the ready {@code Authorization}
     * header, built from their exact bytes, so that they cannot end up in a message by accident.
     *
     * @param machine       the machine name, a URL prefix without scheme
     * @param authorization {@code Basic base64(login:password)}
     */
    public record Entry(String machine, String authorization) {
        @Override
        public String toString() {
            return "Entry[machine=" + machine + ", authorization=<redacted>]";
        }
    }

    public static final Netrc EMPTY = new Netrc(List.of());

    private static final byte[] MACHINE = ascii("machine");
    private static final byte[] LOGIN = ascii("login");
    private static final byte[] PASSWORD = ascii("password");
    private static final byte[] MACDEF = ascii("macdef");
    private static final byte[] DEFAULT = ascii("default");

    private final List<Entry> entries;
    private final Map<String, String> byMachine = new HashMap<>();

    private Netrc(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : entries) {
            byMachine.putIfAbsent(machineKey(e.machine()), e.authorization());
        }
    }

    /** The complete entries, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Parses the bytes of a {@code .netrc} file; nothing in it is an error. */
    public static Netrc parse(byte[] data) {
        List<Entry> entries = new ArrayList<>();
        byte[] machine = null;
        byte[] login = null;
        byte[] password = null;
        boolean inMacro = false;
        int lineStart = 0;
        while (lineStart <= data.length) {
            int lineEnd = indexOf(data, (byte) '\n', lineStart);
            int from = lineStart;
            lineStart = lineEnd + 1;
            if (inMacro) {
                inMacro = lineEnd > from;
                continue;
            }
            List<byte[]> words = GoFields.split(data, from, lineEnd);
            int i = 0;
            for (; i < words.size() - 1; i += 2) {
                byte[] keyword = words.get(i);
                byte[] value = words.get(i + 1);
                if (Arrays.equals(keyword, MACHINE)) {
                    machine = value;
                    login = null;
                    password = null;
                } else if (Arrays.equals(keyword, LOGIN)) {
                    login = value;
                } else if (Arrays.equals(keyword, PASSWORD)) {
                    password = value;
                } else if (Arrays.equals(keyword, MACDEF)) {
                    inMacro = true;
                }
                if (machine != null && login != null && password != null) {
                    entries.add(new Entry(new String(machine, StandardCharsets.UTF_8), basic(login, password)));
                    machine = null;
                    login = null;
                    password = null;
                }
            }
            if (i < words.size() && Arrays.equals(words.get(i), DEFAULT)) {
                break;
            }
        }
        return new Netrc(entries);
    }

    /**
     * Reads a {@code .netrc} file; a missing file has no entries.
     *
     * @throws IOException when the file exists but cannot be read
     */
    public static Netrc read(Path file) throws IOException {
        try {
            return parse(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return EMPTY;
        }
    }

    /**
     * Where the go command looks for the file: {@code $NETRC}, else {@code .netrc} in the home
     * directory ({@code _netrc} first on Windows, where the home directory is USERPROFILE). Empty
     * when there is no home directory to look in.
     */
    public static Optional<Path> location(GoEnvironment env) {
        Optional<String> netrc = env.get("NETRC");
        if (netrc.isPresent()) {
            return netrc.map(Path::of);
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        Optional<Path> home = env.get(windows ? "USERPROFILE" : "HOME").map(Path::of);
        if (home.isEmpty()) {
            return Optional.empty();
        }
        Path legacy = home.get().resolve("_netrc");
        if (windows && Files.exists(legacy)) {
            return Optional.of(legacy);
        }
        return Optional.of(home.get().resolve(".netrc"));
    }

    /**
     * The {@code Authorization} header for a URL written without its scheme
     * ({@code host[:port]/path…}), trying ever shorter prefixes.
     */
    public Optional<String> authorization(String urlWithoutScheme) {
        String prefix = trimSlash(urlWithoutScheme);
        while (true) {
            String found = byMachine.get(prefix);
            if (found != null) {
                return Optional.of(found);
            }
            int slash = prefix.lastIndexOf('/');
            if (slash < 0) {
                return Optional.empty();
            }
            prefix = prefix.substring(0, slash);
        }
    }

    /** Machine names may be written with an https:// prefix or a trailing slash; both are dropped. */
    private static String machineKey(String machine) {
        String m = machine.startsWith("https://") ? machine.substring("https://".length()) : machine;
        return trimSlash(m);
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** {@code Basic} credentials from the exact bytes of login and password, as Go's SetBasicAuth builds them. */
    static String basic(byte[] login, byte[] password) {
        ByteArrayOutputStream pair = new ByteArrayOutputStream(login.length + password.length + 1);
        pair.writeBytes(login);
        pair.write(':');
        pair.writeBytes(password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.toByteArray());
    }

    private static int indexOf(byte[] data, byte b, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return data.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
