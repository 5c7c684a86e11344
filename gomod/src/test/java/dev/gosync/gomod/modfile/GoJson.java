package dev.gosync.gomod.modfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosync.gomod.module.ModuleVersion;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Our parsed files in the shape of {@code go mod edit -json} and {@code go work edit -json}, to
 * compare with what the go command prints. That command cleans the lists first, which ours do
 * not, so the same is done here: x/mod's {@code SortBlocks} keeps the first of equal excludes,
 * tools and ignores and the last replacement of a module version, and its {@code Cleanup} takes
 * entries with an empty key (godebug), path (require, exclude, replace) or interval (retract)
 * for deleted ones.
 */
final class GoJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoJson() {
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode of(ModFile f) {
        ObjectNode o = JSON.createObjectNode();
        ObjectNode module = o.putObject("Module");
        module.put("Path", f.modulePath().orElse(""));
        f.deprecation().ifPresent(d -> module.put("Deprecated", d));
        f.goVersion().ifPresent(v -> o.put("Go", v));
        f.toolchain().ifPresent(v -> o.put("Toolchain", v));
        List<Godebug> godebugs = f.godebugs().stream().filter(d -> !d.key().isEmpty()).toList();
        if (!godebugs.isEmpty()) {
            list(o, "GoDebug", godebugs, (d, n) -> n.put("Key", d.key()).put("Value", d.value()));
        }
        List<Requirement> requirements = f.requirements().stream().filter(r -> !r.module().path().isEmpty()).toList();
        list(o, "Require", requirements, (r, n) -> {
            version(n, r.module());
            if (r.indirect()) {
                n.put("Indirect", true);
            }
        });
        List<ModuleVersion> exclusions = f.exclusions().stream().filter(x -> !x.path().isEmpty()).distinct().toList();
        list(o, "Exclude", exclusions, (x, n) -> version(n, x));
        replacements(o, f.replacements());
        List<Retraction> retractions =
                f.retractions().stream().filter(r -> !(r.low().isEmpty() && r.high().isEmpty())).toList();
        list(o, "Retract", retractions, (r, n) -> {
            putUnlessEmpty(n, "Low", r.low());
            putUnlessEmpty(n, "High", r.high());
            putUnlessEmpty(n, "Rationale", r.rationale());
        });
        list(o, "Tool", f.tools().stream().distinct().toList(), (t, n) -> n.put("Path", t));
        list(o, "Ignore", f.ignores().stream().distinct().toList(), (t, n) -> n.put("Path", t));
        return o;
    }

    static JsonNode of(WorkFile w) {
        ObjectNode o = JSON.createObjectNode();
        w.goVersion().ifPresent(v -> o.put("Go", v));
        list(o, "Use", w.uses(), (u, n) -> n.put("DiskPath", u));
        replacements(o, w.replacements());
        return o;
    }

    private static void replacements(ObjectNode o, List<Replacement> all) {
        List<Replacement> kept = new ArrayList<>();
        Set<ModuleVersion> later = new HashSet<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (later.add(all.get(i).old()) && !all.get(i).old().path().isEmpty()) {
                kept.add(0, all.get(i));
            }
        }
        list(o, "Replace", kept, (r, n) -> {
            version(n.putObject("Old"), r.old());
            version(n.putObject("New"), r.target());
        });
    }

    private static void version(ObjectNode n, ModuleVersion mv) {
        n.put("Path", mv.path());
        putUnlessEmpty(n, "Version", mv.version());
    }

    private static void putUnlessEmpty(ObjectNode n, String field, String value) {
        if (!value.isEmpty()) {
            n.put(field, value);
        }
    }

    /** A list as Go marshals a slice: null when empty. */
    private static <T> void list(ObjectNode o, String field, List<T> items, BiConsumer<T, ObjectNode> fill) {
        if (items.isEmpty()) {
            o.putNull(field);
            return;
        }
        ArrayNode array = o.putArray(field);
        for (T item : items) {
            fill.accept(item, array.addObject());
        }
    }
}
