package dev.gosync.agent.vcs;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.attributes.Attribute;
import org.eclipse.jgit.attributes.Attributes;
import org.eclipse.jgit.attributes.AttributesHandler;
import org.eclipse.jgit.attributes.AttributesNode;
import org.eclipse.jgit.attributes.AttributesRule;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The attributes of the current entry of a tree walk, found as git finds them: JGit's matching of
 * patterns and its precedence of files and lines, with git's macro rule in place of JGit's. git
 * expands a macro ({@code binary}, or one defined by {@code [attr]} in the root
 * {@code .gitattributes}) only where it is set; JGit also expands it, inverted or blanked, where it
 * is unset or unspecified, which would change what {@code -binary} or {@code !mymacro} do.
 */
final class GitAttributeLookup extends AttributesHandler {
    private static final String MACRO_PREFIX = "[attr]";

    private final Map<String, List<Attribute>> macros;

    private GitAttributeLookup(TreeWalk walk, Map<String, List<Attribute>> macros) throws IOException {
        super(walk, () -> walk.getTree(CanonicalTreeParser.class));
        this.macros = macros;
    }

    /** A lookup for walk, which walks {@code tree} with an attributes node provider set. */
    static GitAttributeLookup of(TreeWalk walk, Repository repo, RevTree tree) throws IOException {
        Map<String, List<Attribute>> macros = new HashMap<>();
        macros.put("binary", List.of(new Attribute("diff", Attribute.State.UNSET),
                new Attribute("merge", Attribute.State.UNSET), new Attribute("text", Attribute.State.UNSET)));
        try (TreeWalk root = TreeWalk.forPath(repo, GitAttributesFiles.NAME, tree)) {
            if (root != null) {
                AttributesNode node = new AttributesNode();
                try (InputStream in = repo.open(root.getObjectId(0)).openStream()) {
                    node.parse(in);
                }
                for (AttributesRule rule : node.getRules()) {
                    if (rule.getPattern().startsWith(MACRO_PREFIX)) {
                        macros.put(rule.getPattern().substring(MACRO_PREFIX.length()).trim(), rule.getAttributes());
                    }
                }
            }
        }
        return new GitAttributeLookup(walk, macros);
    }

    /** git's {@code fill_one}/{@code macroexpand_one}: the first value found wins; only a set macro expands. */
    @Override
    protected void expandMacro(Attribute attr, Attributes result) {
        if (result.containsKey(attr.getKey())) {
            return;
        }
        result.put(attr);
        List<Attribute> expansion = macros.get(attr.getKey());
        if (expansion != null && attr.getState() == Attribute.State.SET) {
            for (int i = expansion.size() - 1; i >= 0; i--) {
                expandMacro(expansion.get(i), result);
            }
        }
    }
}
