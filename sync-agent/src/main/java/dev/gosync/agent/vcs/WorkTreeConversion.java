package dev.gosync.agent.vcs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.attributes.Attribute;
import org.eclipse.jgit.attributes.Attributes;

/**
 * What {@code git archive} does to a regular file's bytes — git's "convert to working tree" —
 * when run as the go command runs it: {@code -c core.autocrlf=input -c core.eol=lf}, with
 * {@code export-subst} and {@code export-ignore} switched off. Two conversions remain possible:
 * {@code ident} expands {@code $Id$} to {@code $Id: <blob hash> $}, then lone LFs become CRLF
 * where the attributes ask for CRLF line ends ({@code eol=crlf}, with {@code text=auto} only for
 * files that look like text). Plain {@code text}, {@code text=auto} and {@code eol=lf} leave the
 * bytes alone, because {@code core.autocrlf=input} makes LF the output line end. Filter drivers
 * ({@code filter=}) need configuration the go command's clone does not have, so they do nothing.
 *
 * @param crlf  how line ends are converted
 * @param ident whether {@code $Id$} is expanded
 */
record WorkTreeConversion(LineEnds crlf, boolean ident) {
    /** The conversion of a file without attributes. */
    static final WorkTreeConversion NONE = new WorkTreeConversion(LineEnds.UNCHANGED, false);

    /** The line-end conversions left once git has weighed the attributes against core.autocrlf=input. */
    enum LineEnds {
        /** Binary, or text whose output line end is LF: nothing changes. */
        UNCHANGED,
        /** Text with {@code eol=crlf}: every LF not already preceded by CR gets one. */
        CRLF,
        /** {@code text=auto eol=crlf}: as {@link #CRLF}, but only for files with no CR at all that look like text. */
        AUTO_CRLF
    }

    /**
     * Reads the conversion from a file's attributes as git's {@code convert_attrs} does.
     *
     * @throws GitSourceException if the file asks for a {@code working-tree-encoding}, which would
     *                            re-encode it with the machine's iconv
     */
    static WorkTreeConversion of(Attributes attrs, String path) {
        refuseEncoding(attrs, path);
        return new WorkTreeConversion(lineEnds(attrs), attrs.getState("ident") == Attribute.State.SET);
    }

    private static void refuseEncoding(Attributes attrs, String path) {
        Attribute encoding = attrs.get("working-tree-encoding");
        if (encoding == null) {
            return;
        }
        String value = encoding.getValue();
        boolean utf8 = encoding.getState() == Attribute.State.CUSTOM
                && (value.equalsIgnoreCase("UTF-8") || value.equalsIgnoreCase("UTF8"));
        if (encoding.getState() == Attribute.State.CUSTOM && value.isEmpty() || utf8) {
            return;
        }
        throw new GitSourceException(path + " has the git attribute " + encoding + ": re-encoding files as git archive"
                + " does is not supported", "fetch this module through a GOPROXY instead of from git");
    }

    /**
     * git's rule: {@code text} (else the older {@code crlf}) decides text, binary or auto; unless
     * binary, {@code eol} then fixes the line end; undecided files fall to core.autocrlf=input,
     * that is, auto with LF.
     */
    private static LineEnds lineEnds(Attributes attrs) {
        Attribute text = attrs.get("text");
        Attribute legacy = attrs.get("crlf");
        String action = textAction(text);
        if (action.isEmpty()) {
            action = textAction(legacy);
        }
        if (action.equals("binary")) {
            return LineEnds.UNCHANGED;
        }
        Attribute eol = attrs.get("eol");
        boolean crlfEnds = eol != null && eol.getState() == Attribute.State.CUSTOM && eol.getValue().equals("crlf");
        if (!crlfEnds) {
            return LineEnds.UNCHANGED;
        }
        return action.equals("auto") ? LineEnds.AUTO_CRLF : LineEnds.CRLF;
    }

    /** git's {@code git_path_check_crlf}: "text", "binary", "input", "auto", or "" when undecided. */
    private static String textAction(Attribute a) {
        if (a == null) {
            return "";
        }
        return switch (a.getState()) {
            case SET -> "text";
            case UNSET -> "binary";
            case CUSTOM -> a.getValue().equals("input") || a.getValue().equals("auto") ? a.getValue() : "";
            default -> "";
        };
    }

    boolean changesNothing() {
        return crlf == LineEnds.UNCHANGED && !ident;
    }

    /**
     * Converts a blob's content.
     *
     * @param blobHash the blob's object hash, which {@code ident} writes into the file
     */
    byte[] apply(byte[] content, String blobHash) {
        byte[] out = ident ? expandIdent(content, blobHash) : content;
        return crlf == LineEnds.UNCHANGED ? out : toCrlf(out);
    }

    /**
     * git's {@code ident_to_worktree}: each {@code $Id$}, and each {@code $Id:…$} on one line
     * without inner spaces (a foreign expansion is kept), becomes {@code $Id: <hash> $}.
     */
    private static byte[] expandIdent(byte[] src, String hash) {
        byte[] expansion = ("Id: " + hash + " $").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(src.length + 64);
        int i = 0;
        while (true) {
            int dollar = indexOf(src, (byte) '$', i, src.length);
            if (dollar < 0) {
                break;
            }
            out.write(src, i, dollar + 1 - i);
            i = dollar + 1;
            int len = src.length - i;
            if (len < 3 || src[i] != 'I' || src[i + 1] != 'd') {
                continue;
            }
            if (src[i + 2] == '$') {
                i += 3;
            } else if (src[i + 2] == ':') {
                int close = indexOf(src, (byte) '$', i + 3, src.length);
                if (close < 0) {
                    break;
                }
                if (indexOf(src, (byte) '\n', i + 3, close) >= 0) {
                    continue;
                }
                int space = indexOf(src, (byte) ' ', i + 4, close);
                if (space >= 0 && space < close - 1) {
                    continue;
                }
                i = close + 1;
            } else {
                continue;
            }
            out.writeBytes(expansion);
        }
        out.write(src, i, src.length - i);
        return out.toByteArray();
    }

    private byte[] toCrlf(byte[] src) {
        TextStats stats = TextStats.of(src);
        if (stats.loneLf() == 0) {
            return src;
        }
        if (crlf == LineEnds.AUTO_CRLF && (stats.loneCr() > 0 || stats.crlf() > 0 || stats.looksBinary())) {
            return src;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(src.length + stats.loneLf());
        for (int i = 0; i < src.length; i++) {
            if (src[i] == '\n' && (i == 0 || src[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(src[i]);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] b, byte c, int from, int to) {
        for (int i = Math.max(from, 0); i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** git's {@code gather_stats}: line-end counts and a rough printable/non-printable tally. */
    record TextStats(int nul, int loneCr, int loneLf, int crlf, int printable, int nonPrintable) {
        static TextStats of(byte[] b) {
            int nul = 0;
            int loneCr = 0;
            int loneLf = 0;
            int crlf = 0;
            int printable = 0;
            int nonPrintable = 0;
            for (int i = 0; i < b.length; i++) {
                int c = b[i] & 0xFF;
                if (c == '\r') {
                    if (i + 1 < b.length && b[i + 1] == '\n') {
                        crlf++;
                        i++;
                    } else {
                        loneCr++;
                    }
                } else if (c == '\n') {
                    loneLf++;
                } else if (c == 127) {
                    nonPrintable++;
                } else if (c < 32) {
                    switch (c) {
                        case '\b', '\t', 033, '\f' -> printable++;
                        case 0 -> {
                            nul++;
                            nonPrintable++;
                        }
                        default -> nonPrintable++;
                    }
                } else {
                    printable++;
                }
            }
            // A trailing Ctrl-Z (DOS end of file) does not count against the file.
            if (b.length > 0 && b[b.length - 1] == 032) {
                nonPrintable--;
            }
            return new TextStats(nul, loneCr, loneLf, crlf, printable, nonPrintable);
        }

        /** git's {@code convert_is_binary}: a lone CR, a NUL, or more than 1 in 128 characters non-printable. */
        boolean looksBinary() {
            return loneCr > 0 || nul > 0 || (printable >> 7) < nonPrintable;
        }
    }
}
